/**
 * Chat answers per second over socket.io, as citizens would load the service: real socket.io clients on the
 * app's `/chat` namespace, each its own visitor (no cookie: the handshake issues a new visitor id per socket),
 * asking the everyday citizen questions of ../shared/data/eval/citizen-questions-public.jsonl in turn, one
 * question at a time per client (a closed loop: the next question once the answer is done). Rate limits are
 * switched off with their documented variables (API_RATE_LIMIT_PER_MINUTE=0, CHAT_RATE_LIMIT_PER_MINUTE=0), so
 * the figure is the answer path, not a limit.
 *
 * Parts (`--part`, default all):
 * - `single`: the app as `npm start` runs it (one process, PGlite, demo data and laws, the embedded Chroma),
 *   at each `--clients` level (default 50,200); in the same run the same load against a bare socket.io echo
 *   server (bench/load/echo-server.ts, another process on this machine), pair by pair, and the ratio app/echo.
 * - `memory`: RSS of the app process before and after 1,000 idle clients connect, per 1,000 sockets.
 * - `multi`: PostgreSQL (TEST_DATABASE_URL, a throw-away database) + redis-server + a Chroma server, app processes
 *   behind Debian's nginx with deploy/nginx.conf (the support code of tests/multi-process.int.test.ts): one
 *   process (nginx with both upstream lines on it) against two, at 50 clients, and the two/one ratio.
 *
 *   npm run bench:load:chat [-- --part single|memory|multi|all] [--clients 50,200] [--seconds 15] [--runs 3]
 *                             [--data-dir DIR] [--cpu-prof DIR] [--search-cache ENTRIES]
 *
 * Each level is measured for `--seconds` once every client has had a first answer and `--warmup` more seconds passed.
 * `--data-dir` keeps the embedded folder between calls (the first start indexes the corpus, about a minute);
 * `--search-cache 0` switches the apps' cache of recent searches off (SEARCH_CACHE_ENTRIES): the 213 questions come
 * round again every few seconds, so with the cache (the default) the figure is that of a crowd asking the same
 * questions, without it that of every question searched anew.
 * `--cpu-prof DIR` runs the single app process with `node --cpu-prof` and writes its profile there at exit.
 * Prints each run with the load average and the medians. Not part of `npm test`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { chatNamespace, type ChatAnswerDone, type ChatError } from '../../common';
import { option } from '../../scripts/support/command-line';
import { startChroma } from '../../tests/support/chroma-process';
import { startNginx } from '../../tests/support/nginx-server';
import { createTemporaryDatabase, isPostgresReachable } from '../../tests/support/postgres-server';
import { freePort, startRedis } from '../../tests/support/redis-server';
import { startProcess, type RunningProcess } from '../../tests/support/service-process';

const print = (line: string) => process.stdout.write(`${line}\n`);
const argv = process.argv.slice(2);
const part = option(argv, '--part') ?? 'all';
const clientLevels = (option(argv, '--clients') ?? '50,200').split(',').map(Number);
const seconds = Number(option(argv, '--seconds') ?? 15);
const warmupSeconds = Number(option(argv, '--warmup') ?? 3);
const runs = Number(option(argv, '--runs') ?? 3);
const keptDataDir = option(argv, '--data-dir');
const cpuProfileDir = option(argv, '--cpu-prof');
const idleSockets = Number(option(argv, '--idle') ?? 1000);
/** SEARCH_CACHE_ENTRIES of the app processes: 0 searches every question (the figure without repeated questions). */
const searchCacheEntries = option(argv, '--search-cache');

const questions = fs
  .readFileSync(path.resolve(__dirname, '../../../shared/data/eval/citizen-questions-public.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { question: string }).question);

const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
};
const median = (values: number[]) => percentile(values, 0.5);
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Processes and folders this bench started, stopped on exit and on Ctrl+C. */
const cleanups: (() => Promise<void>)[] = [];
const cleanUp = async () => {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
};
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

async function waitForHealth(url: string, timeoutMs: number, running?: RunningProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/api/health`).catch(() => undefined);
    if (response?.ok) return;
    if (running && running.child.exitCode !== null) throw new Error(`the app exited:\n${running.stderr().slice(-2000)}`);
    await sleep(250);
  }
  throw new Error(`${url} did not answer /api/health within ${timeoutMs} ms`);
}

async function startApp(environment: Record<string, string>, nodeArguments: string[] = []) {
  const port = await freePort();
  const running = startProcess(
    'server/main.ts',
    [],
    {
      ...environment,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      API_RATE_LIMIT_PER_MINUTE: '0',
      CHAT_RATE_LIMIT_PER_MINUTE: '0',
      ...(searchCacheEntries !== undefined ? { SEARCH_CACHE_ENTRIES: searchCacheEntries } : {}),
    },
    undefined,
    nodeArguments,
  );
  const url = `http://127.0.0.1:${port}`;
  cleanups.push(async () => {
    if (running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGTERM');
      await Promise.race([running.exited, sleep(15_000).then(() => running.child.kill('SIGKILL'))]);
    }
  });
  await waitForHealth(url, 600_000, running);
  await waitForSeeding(url);
  return { url, port, running };
}

/**
 * The demo corpus is indexed while the service already answers (the first start, about a minute): measuring then
 * would measure the indexing. Waits until the vector store's count of documents and passages stays the same.
 */
async function waitForSeeding(url: string) {
  let last = '';
  let sameFor = 0;
  while (sameFor < 3) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { components?: { vectorStore?: { detail?: string } } };
    const detail = health.components?.vectorStore?.detail ?? '';
    sameFor = detail === last ? sameFor + 1 : 0;
    last = detail;
    await sleep(2000);
  }
  print(`  ${last}`);
}

async function startEcho() {
  const running = startProcess('bench/load/echo-server.ts', [], {});
  cleanups.push(async () => {
    running.child.kill('SIGTERM');
    await running.exited;
  });
  for (let waited = 0; waited < 30_000; waited += 100) {
    const line = running.stdout().split('\n')[0];
    if (line?.startsWith('{')) return { url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, running };
    await sleep(100);
  }
  throw new Error(`the echo server did not start: ${running.stderr()}`);
}

/** One socket.io client of its own: a new visitor (and through nginx its own route key). */
function connect(url: string, index: number): Promise<Socket> {
  const socket = io(`${url}${chatNamespace}`, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    extraHeaders: { cookie: `xiaoning_route=bench-${process.pid}-${index}-${Math.random().toString(36).slice(2)}` },
  });
  return new Promise((resolve, reject) => {
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function connectAll(url: string, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  // A few at a time, as visitors arrive: a thousand handshakes at once measure the accept queue instead.
  for (let start = 0; start < count; start += 50) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, count - start) }, (_, offset) => connect(url, start + offset)))));
  }
  return sockets;
}

let nextQuestion = 0;
const ask = (socket: Socket, text: string) =>
  new Promise<{ ok: boolean; code?: string }>((resolve) => {
    const finish = (outcome: { ok: boolean; code?: string }) => {
      socket.off('answer:done', onDone);
      socket.off('error', onError);
      socket.off('disconnect', onGone);
      resolve(outcome);
    };
    const onDone = (_done: ChatAnswerDone) => finish({ ok: true });
    const onError = (error: ChatError) => finish({ ok: false, code: error.code });
    const onGone = () => finish({ ok: false, code: 'DISCONNECTED' });
    socket.on('answer:done', onDone);
    socket.on('error', onError);
    socket.on('disconnect', onGone);
    socket.emit('message', { text });
  });

interface LoadFigures {
  answersPerSecond: number;
  p50: number;
  p95: number;
  errors: Record<string, number>;
  loadAverage: string;
}

/** `clients` sockets in a closed loop for warm-up + `seconds`; counts the answers finished inside the window. */
async function drive(url: string, clients: number): Promise<LoadFigures> {
  const sockets = await connectAll(url, clients);
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  // The window opens `--warmup` seconds after every client has had its first answer (a closed loop is steady
  // only then: with answers slower than a fixed warm-up, the first window would count the start-up).
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  let warmedUp = 0;
  let answers = 0;
  await Promise.all(
    sockets.map(async (socket) => {
      let warm = false;
      // A client that lost its connection counts as warmed up too, so that the others' window still opens.
      const warmedUpNow = (at: number) => {
        if (warm) return;
        warm = true;
        warmedUp += 1;
        if (warmedUp === sockets.length) {
          windowStart = at + warmupSeconds * 1000;
          windowEnd = windowStart + seconds * 1000;
        }
      };
      socket.once('disconnect', () => warmedUpNow(performance.now()));
      while (performance.now() < windowEnd && socket.connected) {
        const sent = performance.now();
        const outcome = await ask(socket, questions[nextQuestion++ % questions.length]!);
        const finished = performance.now();
        warmedUpNow(finished);
        if (finished < windowStart || finished > windowEnd) continue;
        if (outcome.ok) {
          answers += 1;
          latencies.push(finished - sent);
        } else errors[outcome.code!] = (errors[outcome.code!] ?? 0) + 1;
      }
    }),
  );
  const figures = {
    answersPerSecond: answers / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    errors,
    loadAverage: loadAverage(),
  };
  sockets.forEach((socket) => socket.close());
  await sleep(500);
  return figures;
}

const describe = (figures: LoadFigures) =>
  `${figures.answersPerSecond.toFixed(1)} answers/s, p50 ${figures.p50.toFixed(0)} ms, p95 ${figures.p95.toFixed(0)} ms` +
  `${Object.keys(figures.errors).length > 0 ? `, errors ${JSON.stringify(figures.errors)}` : ''} (load average ${figures.loadAverage})`;

const residentKilobytes = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

function embeddedEnvironment(): Record<string, string> {
  const dataDir = keptDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-bench-chat-'));
  if (!keptDataDir) cleanups.unshift(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  fs.mkdirSync(dataDir, { recursive: true });
  return { DATA_DIR: dataDir };
}

async function single() {
  const started = performance.now();
  const app = await startApp(embeddedEnvironment(), cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfileDir)}`] : []);
  print(`app ready in ${((performance.now() - started) / 1000).toFixed(0)} s (one process, PGlite, embedded Chroma)`);
  const echo = await startEcho();
  for (const clients of clientLevels) {
    const appRates: number[] = [];
    const ratios: number[] = [];
    const p50s: number[] = [];
    const p95s: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const onApp = await drive(app.url, clients);
      const onEcho = await drive(echo.url, clients);
      appRates.push(onApp.answersPerSecond);
      p50s.push(onApp.p50);
      p95s.push(onApp.p95);
      ratios.push(onApp.answersPerSecond / onEcho.answersPerSecond);
      print(`${clients} clients, run ${run}: app ${describe(onApp)}`);
      print(
        `${clients} clients, run ${run}: echo ${describe(onEcho)}; app/echo ${(onApp.answersPerSecond / onEcho.answersPerSecond).toFixed(4)}`,
      );
    }
    print(
      `${clients} clients, median of ${runs}: app ${median(appRates).toFixed(1)} answers/s, p50 ${median(p50s).toFixed(0)} ms, ` +
        `p95 ${median(p95s).toFixed(0)} ms; app/echo ${median(ratios).toFixed(4)}`,
    );
  }
  if (part === 'all') await memory(app);
}

async function memory(given?: { url: string; running: RunningProcess }) {
  const app = given ?? (await startApp(embeddedEnvironment()));
  const pid = app.running.child.pid!;
  const figures: number[] = [];
  // Each run adds `--idle` more sockets and keeps the earlier ones: memory freed by closed sockets stays with the
  // process, so a second thousand after closing the first would cost nothing and say nothing.
  const connected: Socket[] = [];
  for (let run = 1; run <= runs; run += 1) {
    await sleep(2000);
    const before = residentKilobytes(pid);
    connected.push(...(await connectAll(app.url, idleSockets)));
    await sleep(2000);
    const after = residentKilobytes(pid);
    const perThousand = ((after - before) / idleSockets) * 1000;
    figures.push(perThousand);
    print(
      `idle sockets, run ${run}: RSS ${(before / 1024).toFixed(1)} MB → ${(after / 1024).toFixed(1)} MB with ${idleSockets} more connected ` +
        `(${connected.length} in all) = ${(perThousand / 1024).toFixed(1)} MB per 1,000 sockets (load average ${loadAverage()})`,
    );
  }
  connected.forEach((socket) => socket.close());
  print(`idle sockets: median ${(median(figures) / 1024).toFixed(1)} MB per 1,000 connected sockets`);
}

async function multi() {
  if (!(await isPostgresReachable())) {
    print('multi: skipped (no PostgreSQL server at TEST_DATABASE_URL)');
    return;
  }
  const database = await createTemporaryDatabase();
  cleanups.push(() => database.drop());
  const [redis, chroma] = await Promise.all([startRedis(), startChroma()]);
  cleanups.push(
    () => redis.stop(),
    () => chroma.stop(),
  );
  const environment = (seed: boolean) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-bench-chat-multi-'));
    cleanups.unshift(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    return {
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      CHROMA_URL: chroma.url,
      SESSION_SECRET: 'bench-load-chat-secret-0123456789abcdef',
      TRUST_PROXY: '1',
      SEED_DEMO_DATA: seed ? 'true' : 'false',
    };
  };
  const started = performance.now();
  const a = await startApp(environment(true));
  const b = await startApp(environment(false));
  print(`two app processes ready in ${((performance.now() - started) / 1000).toFixed(0)} s (PostgreSQL, Redis, Chroma server)`);
  const one = await startNginx([a.port, a.port]);
  const two = await startNginx([a.port, b.port]);
  cleanups.push(
    () => one.stop(),
    () => two.stop(),
  );
  const clients = clientLevels[0]!;
  const ratios: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const onOne = await drive(one.url, clients);
    const onTwo = await drive(two.url, clients);
    ratios.push(onTwo.answersPerSecond / onOne.answersPerSecond);
    print(`multi ${clients} clients, run ${run}: one process ${describe(onOne)}`);
    print(
      `multi ${clients} clients, run ${run}: two processes ${describe(onTwo)}; two/one ${(onTwo.answersPerSecond / onOne.answersPerSecond).toFixed(2)}`,
    );
  }
  print(`multi ${clients} clients: median two/one ${median(ratios).toFixed(2)} over ${runs} runs`);
  // What the processes logged as errors (pino level 50 and above), to explain any error counted above.
  for (const [name, app] of [
    ['A', a],
    ['B', b],
  ] as const) {
    const errors = app.running
      .stdout()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line));
    if (errors.length > 0) print(`process ${name}: ${errors.length} errors logged, first: ${errors[0]!.slice(0, 600)}`);
  }
}

async function main() {
  print(
    `${questions.length} questions, ${seconds} s measured after ${warmupSeconds} s warm-up, ${runs} runs, ` +
      `search cache ${searchCacheEntries ?? 'default (2000)'}; load average ${loadAverage()}`,
  );
  if (part === 'single' || part === 'all') await single();
  if (part === 'memory') await memory();
  if (part === 'multi' || part === 'all') await multi();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
