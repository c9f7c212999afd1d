import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './redis-server';

export const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const deployConfig = path.resolve(__dirname, '../../deploy/nginx.conf');

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx in front of the given app ports, with deploy/nginx.conf itself: only its upstream servers and
 * its listen port are replaced, and it is wrapped in a main config whose files all live in a temporary folder.
 */
export async function startNginx(appPorts: [number, number]): Promise<RunningNginx> {
  const port = await freePort();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-nginx-'));
  fs.chmodSync(directory, 0o777); // workers run as nobody when the tests run as root
  const site = fs
    .readFileSync(deployConfig, 'utf8')
    .replace('server app-a:3000', `server 127.0.0.1:${appPorts[0]}`)
    .replace('server app-b:3000', `server 127.0.0.1:${appPorts[1]}`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`);
  if (!site.includes(`127.0.0.1:${appPorts[1]}`) || !site.includes(`listen 127.0.0.1:${port}`)) {
    throw new Error('deploy/nginx.conf no longer has the upstream servers and listen line the tests replace');
  }
  fs.writeFileSync(path.join(directory, 'xiaoning.conf'), site);
  const temporary = (name: string) => `${name}_temp_path ${path.join(directory, name)};`;
  fs.writeFileSync(
    path.join(directory, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${path.join(directory, 'nginx.pid')};`,
      `error_log ${path.join(directory, 'error.log')} warn;`,
      'events { worker_connections 4096; }',
      'http {',
      '  access_log off;',
      `  ${temporary('client_body')} ${temporary('proxy')} ${temporary('fastcgi')} ${temporary('uwsgi')} ${temporary('scgi')}`,
      `  include ${path.join(directory, 'xiaoning.conf')};`,
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    nginxPath,
    ['-c', path.join(directory, 'nginx.conf'), '-p', directory, '-e', path.join(directory, 'error.log')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    if (response) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
