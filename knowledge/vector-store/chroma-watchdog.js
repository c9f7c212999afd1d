'use strict';
/**
 * Runs `chroma run …` as its child and stops it when the app that started us goes away, even by
 * kill -9 (which gives the app no chance to clean up): the app holds our stdin open, and the pipe
 * closes when it dies. Plain JavaScript so it starts without a TypeScript loader.
 *
 *   node chroma-watchdog.js <chroma cli> run --path … --host 127.0.0.1 --port …
 */
const { spawn } = require('node:child_process');

const chroma = spawn(process.execPath, process.argv.slice(2), { stdio: ['ignore', 'ignore', 'inherit'] });
let stopping = false;
// The app reads the server's own pid from this line (health checks and tests address it directly).
process.stdout.write(`chroma-pid ${chroma.pid}\n`);

function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (chroma.exitCode !== null || chroma.signalCode !== null) process.exit(0);
  chroma.kill(signal);
  setTimeout(() => chroma.kill('SIGKILL'), 5000).unref();
}

chroma.on('exit', (code, signal) => process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0))));
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGTERM'));
process.stdin.on('end', () => stop('SIGTERM'));
process.stdin.on('error', () => stop('SIGTERM'));
process.stdin.resume();
