import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProcess, type RunningProcess } from '../../../tests/support/service-process';

export interface BenchApp {
  url: string;
  port: number;
  running: RunningProcess;
  /** True while the process has not exited. */
  alive(): boolean;
  /** SIGTERM and wait (SIGKILL after 15 s). */
  stop(): Promise<void>;
  /** kill -9, as a crash would. */
  kill(): Promise<void>;
}

export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) }).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the service did not answer /api/health within ${timeoutMs} ms`);
}

/**
 * The service as `npm start` runs it, on a fixed port (a restarted process answers where the clients already
 * send), in its own temporary DATA_DIR (removed by `stop`), with bench-friendly defaults: warnings only, no
 * rate limits unless the caller sets them.
 */
export async function startBenchApp(options: {
  port: number;
  environment: Record<string, string>;
  dataDirectory?: string;
  memorySampleMs?: number;
  healthTimeoutMs?: number;
}): Promise<BenchApp & { dataDirectory: string }> {
  const dataDirectory = options.dataDirectory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-bench-'));
  const reporter = path.join(__dirname, 'memory-reporter.mjs');
  const running = startProcess('server/main.ts', [], {
    DATA_DIR: dataDirectory,
    PORT: String(options.port),
    LOG_LEVEL: 'warn',
    API_RATE_LIMIT_PER_MINUTE: '0',
    VOTE_RATE_LIMIT_PER_IP_HOUR: '0',
    ...(options.memorySampleMs
      ? { NODE_OPTIONS: `--expose-gc --import=${reporter}`, XN_MEMORY_SAMPLE_MS: String(options.memorySampleMs) }
      : {}),
    ...options.environment,
  });
  const url = `http://127.0.0.1:${options.port}`;
  const alive = () => running.child.exitCode === null && running.child.signalCode === null;
  try {
    await Promise.race([
      waitForHealth(url, options.healthTimeoutMs ?? 240_000),
      running.exited.then(() => {
        throw new Error(`the service exited before it was healthy:\n${running.stderr().slice(-3000)}`);
      }),
    ]);
  } catch (error) {
    if (alive()) running.child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    port: options.port,
    running,
    dataDirectory,
    alive,
    stop: async () => {
      if (alive()) {
        running.child.kill('SIGTERM');
        const timer = setTimeout(() => running.child.kill('SIGKILL'), 15_000);
        await running.exited;
        clearTimeout(timer);
      }
      if (!options.dataDirectory) fs.rmSync(dataDirectory, { recursive: true, force: true });
    },
    kill: async () => {
      if (!alive()) return;
      running.child.kill('SIGKILL');
      await running.exited;
    },
  };
}

/** The memory samples the preloaded reporter printed so far. */
export function memorySamples(running: RunningProcess): { at: number; rss: number; heapUsed: number }[] {
  return running
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"memory sample"'))
    .map((line) => JSON.parse(line) as { at: number; rss: number; heapUsed: number });
}
