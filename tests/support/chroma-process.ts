import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './redis-server';

const root = path.resolve(__dirname, '../..');

export interface RunningChroma {
  url: string;
  /** kill -9 of the server (its process group), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A Chroma server started separately, as CHROMA_URL expects one in production: the chromadb package's own
 * `chroma run` on a free port of 127.0.0.1, in a temporary folder, stopped by the test.
 */
export async function startChroma(): Promise<RunningChroma> {
  const port = await freePort();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-chroma-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/.bin/chroma'), 'run', '--path', directory, '--host', '127.0.0.1', '--port', String(port)],
      { cwd: directory, stdio: 'ignore', detached: true, env: { ...process.env, ANONYMIZED_TELEMETRY: 'False', NO_COLOR: '1' } },
    );
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const response = await fetch(`${url}/api/v2/heartbeat`, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
      if (response?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`chroma run did not answer on ${url} within 30 s`);
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running?.pid || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    try {
      process.kill(-running.pid, 'SIGKILL');
    } catch {
      running.kill('SIGKILL');
    }
    await exited;
  };
  await launch();
  return {
    url,
    kill,
    restart: async () => {
      await kill();
      await launch();
    },
    stop: async () => {
      await kill();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
