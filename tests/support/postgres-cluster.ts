import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './redis-server';

const execute = promisify(execFile);
const binaries = process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
// initdb and postgres refuse to run as root: as root, the cluster belongs to Debian's `postgres` account instead.
const asRoot = process.getuid?.() === 0;
const run = (binary: string, args: string[]) =>
  asRoot ? execute('runuser', ['-u', 'postgres', '--', binary, ...args]) : execute(binary, args);

export interface PostgresCluster {
  url: string;
  /** Stops the server (fast shutdown: sessions are terminated, as in a real restart). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  destroy(): Promise<void>;
}

/**
 * A throw-away PostgreSQL cluster of the current user (or of `postgres` when run as root; Debian's initdb and pg_ctl, trust authentication, a
 * free port of 127.0.0.1, a temporary folder), so a fault run can stop and restart *its* server without
 * touching the system cluster other work relies on.
 */
export async function createPostgresCluster(): Promise<PostgresCluster> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-pg-'));
  const dataDirectory = path.join(directory, 'data');
  const port = await freePort();
  if (asRoot)
    fs.chownSync(
      directory,
      Number((await execute('id', ['-u', 'postgres'])).stdout),
      Number((await execute('id', ['-g', 'postgres'])).stdout),
    );
  try {
    await run(path.join(binaries, 'initdb'), ['-D', dataDirectory, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  } catch (error) {
    fs.rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const start = async () => {
    await run(path.join(binaries, 'pg_ctl'), [
      '-D',
      dataDirectory,
      '-o',
      options,
      '-l',
      path.join(directory, 'log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  };
  const stop = async () => {
    await run(path.join(binaries, 'pg_ctl'), ['-D', dataDirectory, '-m', 'fast', '-w', '-t', '60', 'stop']).catch(() => undefined);
  };
  try {
    await start();
  } catch (error) {
    await stop();
    fs.rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await stop();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
