import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..');
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let dataDirectory = '';
let servicePid = 0;
beforeEach(() => (dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-npm-start-'))));
afterEach(() => {
  // A failing run would otherwise leave its orphaned service holding the port and the folder.
  if (servicePid && isAlive(servicePid)) process.kill(servicePid, 'SIGKILL');
  fs.rmSync(dataDirectory, { recursive: true, force: true });
});

test('SIGTERM to `npm start` (what a process manager sends) stops the service itself: the port is freed and no node process remains', async () => {
  // --ignore-scripts skips only the prestart widget build; npm still runs the real "start" script through its shell.
  const npm = spawn('npm', ['start', '--ignore-scripts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      npm_config_update_notifier: 'false',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDirectory,
      SEED_DEMO_DATA: 'false',
      VECTOR_STORE: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const npmExited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));

  let port = 0;
  const deadline = Date.now() + 60_000;
  while (!port && Date.now() < deadline && npm.exitCode === null) {
    for (const line of output.split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { msg?: string; port?: number; pid?: number };
      if (entry.msg === 'listening' && entry.port && entry.pid) [port, servicePid] = [entry.port, entry.pid];
    }
    if (!port) await sleep(100);
  }
  expect({ port: port > 0, output: port > 0 ? '' : output }).toEqual({ port: true, output: '' });
  expect(servicePid).not.toBe(npm.pid);

  npm.kill('SIGTERM');
  await npmExited;
  const stopDeadline = Date.now() + 8_000;
  while ((isAlive(servicePid) || (await acceptsConnections(port))) && Date.now() < stopDeadline) await sleep(100);

  expect({ serviceRunning: isAlive(servicePid), portOpen: await acceptsConnections(port) }).toEqual({
    serviceRunning: false,
    portOpen: false,
  });
  expect(output).toContain('"msg":"stopped"');
});
