import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export interface RunningProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts a project entry point (server/main.ts, server/cli.ts) the way the npm scripts do (one node
 * process with tsx's loader, so signals reach the service itself), with a clean environment.
 */
export function startProcess(
  script: string,
  args: string[],
  environment: Record<string, string>,
  input?: string,
  /** Options for node itself (e.g. `--cpu-prof`, which NODE_OPTIONS does not allow). */
  nodeArguments: string[] = [],
): RunningProcess {
  const child = spawn(process.execPath, [...nodeArguments, '--import', 'tsx', script, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', ...environment },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin!.end(input ?? '');
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Resolves with the port from the server's "listening" log line, or rejects when the process exits first. */
export async function waitForListening(running: RunningProcess, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let exitedEarly = false;
  void running.exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline) {
    for (const line of running.stdout().split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'listening' && entry.port) return entry.port;
    }
    if (exitedEarly) throw new Error(`process exited before listening:\n${running.stdout()}\n${running.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  running.child.kill('SIGKILL');
  throw new Error(`not listening after ${timeoutMs} ms`);
}

/** Logs in to a running service over HTTP: the session cookie and the CSRF token its writes need. */
export async function logIn(baseUrl: string, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username} answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .find((each) => each.startsWith('xn_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}
