import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { AppError } from '../../common';

export interface ChromaServerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface ChromaServerOptions {
  /** Where Chroma keeps its files (DATA_DIR/chroma). */
  directory: string;
  logger: ChromaServerLogger;
  /** How long to wait for the heartbeat after spawning. */
  startTimeoutMs?: number;
  /** Restarts allowed within a minute before giving up (search then runs on BM25 alone). */
  maxRestartsPerMinute?: number;
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The package does not export its package.json, so find its folder from the entry point. */
const chromaCli = () => {
  let folder = path.dirname(require.resolve('chromadb'));
  while (!fs.existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  const { bin } = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { bin: { chroma: string } };
  return path.join(folder, bin.chroma);
};

const cannotStart = (reason: string) => new AppError('SERVICE_UNAVAILABLE', '向量数据库（Chroma）无法启动。', { details: { reason } });

async function waitForHeartbeat(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw cannotStart(`chroma exited (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(`${url}/api/v2/heartbeat`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw cannotStart(`chroma did not answer its heartbeat within ${timeoutMs} ms`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/**
 * The embedded vector store: a `chroma run` child process on 127.0.0.1 and a free port, persisted in
 * `directory`. It is restarted (on a new port) if it dies, and stopped with the app.
 */
export function createChromaServer(options: ChromaServerOptions) {
  const { directory, logger } = options;
  const startTimeoutMs = options.startTimeoutMs ?? 20000;
  const maxRestartsPerMinute = options.maxRestartsPerMinute ?? 5;
  let child: ChildProcess | undefined;
  let serverPid: number | undefined;
  let url: string | undefined;
  let stopping = false;
  let restarts: number[] = [];
  const listeners = new Set<(url: string) => void>();

  const launch = async (): Promise<string> => {
    fs.mkdirSync(directory, { recursive: true });
    const port = await findFreePort();
    const address = `http://127.0.0.1:${port}`;
    // Through the watchdog, so the server never outlives this process (see chroma-watchdog.js).
    const watchdog = path.join(__dirname, 'chroma-watchdog.js');
    const process_ = spawn(
      process.execPath,
      [watchdog, chromaCli(), 'run', '--path', directory, '--host', '127.0.0.1', '--port', String(port)],
      {
        cwd: directory,
        stdio: ['pipe', 'pipe', 'pipe'],
        // Its own process group: a Ctrl+C in a terminal reaches the app, which then stops Chroma in order.
        detached: true,
        env: { ...process.env, ANONYMIZED_TELEMETRY: 'False', NO_COLOR: '1' },
      },
    );
    let errorOutput = '';
    process_.stdout?.on('data', (data: Buffer) => {
      const match = /chroma-pid (\d+)/.exec(data.toString());
      if (match) serverPid = Number(match[1]);
    });
    process_.stderr?.on('data', (data: Buffer) => {
      errorOutput = (errorOutput + data.toString()).slice(-2000);
    });
    child = process_;
    try {
      await waitForHeartbeat(address, startTimeoutMs, process_);
    } catch (error) {
      killGroup(process_, 'SIGKILL');
      throw new AppError('SERVICE_UNAVAILABLE', '向量数据库（Chroma）无法启动。', { cause: error, details: { stderr: errorOutput } });
    }
    process_.once('exit', (code, signal) => {
      if (stopping || child !== process_) return;
      url = undefined;
      // A server whose watchdog died must not keep the directory while a new one starts.
      killGroup(process_, 'SIGKILL');
      logger.warn({ code, signal, stderr: errorOutput }, 'chroma exited unexpectedly');
      const now = Date.now();
      restarts = restarts.filter((time) => now - time < 60000);
      if (restarts.length >= maxRestartsPerMinute) {
        logger.warn({ restarts: restarts.length }, 'chroma keeps failing; search continues with BM25 alone');
        return;
      }
      restarts.push(now);
      launch().then(
        (restartedUrl) => logger.info({ url: restartedUrl }, 'chroma restarted'),
        (error: unknown) => logger.warn({ err: error }, 'chroma restart failed'),
      );
    });
    url = address;
    for (const listener of listeners) listener(address);
    logger.info({ url: address, directory }, 'chroma started');
    return address;
  };

  return {
    start: launch,
    /** The current address, or undefined while the server is down. */
    get url() {
      return url;
    },
    /** The pid of the Chroma server itself (its watchdog is our direct child). */
    get pid() {
      return serverPid;
    },
    /** Called with the new address after every (re)start. */
    onStart(listener: (address: string) => void) {
      listeners.add(listener);
    },
    async stop(): Promise<void> {
      stopping = true;
      const running = child;
      url = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => killGroup(running, 'SIGKILL'), 5000);
        running.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        running.kill('SIGTERM');
      });
      // Whatever is left of the group (a server that ignored its watchdog) goes too.
      killGroup(running, 'SIGKILL');
    },
  };
}

export type ChromaServer = ReturnType<typeof createChromaServer>;
