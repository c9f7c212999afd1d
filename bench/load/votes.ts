/**
 * Votes per second through the HTTP API, with exact tallies. Starts the service as `npm start` does (one
 * process, demo data, vector store off, rate limits off), on PGlite and on PostgreSQL (TEST_DATABASE_URL, a
 * throw-away database). Per run: `--voters` distinct browsers (default 2,000) each fetch the poll (their
 * signed cookie comes with it, untimed), then all vote, `--concurrency` at a time (default 50), timed. After
 * each run the tally must equal the rows in the votes table and grow by exactly the number of voters.
 * Prints votes/s, p50/p95 latency per run and the median of the runs.
 *
 *   npm run bench:load:votes [-- --runs 3] [--voters 2000] [--concurrency 50] [--driver pglite|postgres|both]
 *                            [--cpu-prof-dir DIR]   (the service's CPU profile, written when it stops)
 *
 * Not part of `npm test`. On a shared machine the figures are noisy: compare medians taken in one sitting.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { option } from '../../scripts/support/command-line';
import { createTemporaryDatabase, isPostgresReachable } from '../../tests/support/postgres-server';
import { freePort } from '../../tests/support/redis-server';
import { startProcess } from '../../tests/support/service-process';

const print = (line: string) => process.stdout.write(`${line}\n`);
const argv = process.argv.slice(2);
const runs = Number(option(argv, '--runs') ?? 3);
const voters = Number(option(argv, '--voters') ?? 2000);
const concurrency = Number(option(argv, '--concurrency') ?? 50);
const driver = option(argv, '--driver') ?? 'both';
/** Writes the service's CPU profile (node --cpu-prof) into this folder when it stops. */
const profileDirectory = option(argv, '--cpu-prof-dir');

const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
};

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/api/health`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the service did not answer /api/health within ${timeoutMs} ms`);
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

interface Poll {
  id: string;
  options: { unitId: string; votes: number }[];
}

/** A reset connection (a keep-alive socket closed by the server as it was reused) is tried again. */
async function fetchRetrying(url: string, init?: RequestInit): Promise<{ response: Response; retried: boolean }> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return { response: await fetch(url, init), retried: attempt > 0 };
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** CPU time (user + system) the service process has used so far, in ms: a figure other agents' load does not change much. */
const cpuMsOf = (pid: number | undefined) => {
  if (pid === undefined) return Number.NaN;
  try {
    // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks, counted after the ")" that ends the name.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
};

/** Waits (up to a minute) until the service uses under a tenth of a core over half a second. */
async function waitForQuiet(pid: number | undefined) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const before = cpuMsOf(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (!(cpuMsOf(pid) - before > 50)) return;
  }
}

const totalVotes = (poll: Poll) => poll.options.reduce((sum, option) => sum + option.votes, 0);

async function measure(label: string, environment: Record<string, string>, countRows: ((pollId: string) => Promise<number>) | undefined) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-bench-votes-'));
  // Node options go before the script: with a profile folder, '--cpu-prof' takes the script's place and the script follows.
  const [script, ...scriptArguments] = profileDirectory
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDirectory)}`, 'server/main.ts']
    : ['server/main.ts'];
  const service = startProcess(script!, scriptArguments, {
    ...environment,
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    VECTOR_STORE: 'off',
    API_RATE_LIMIT_PER_MINUTE: '0',
    VOTE_RATE_LIMIT_PER_IP_HOUR: '0',
  });
  const url = `http://127.0.0.1:${port}`;
  // Ctrl+C stops the service this bench started too, and removes its folder.
  const interrupted = () => {
    service.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await waitForHealth(url, 180_000);
    // Start-up work that goes on after /api/health answers (the BM25 index of the documents) is not voting.
    await waitForQuiet(service.child.pid);
    const figures: number[] = [];
    const cpuFigures: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const browsers: { cookie: string; unitId: string; pollId: string }[] = [];
      let before = 0;
      await pool(
        Array.from({ length: voters }, (_, index) => index),
        concurrency,
        async (index) => {
          const { response } = await fetchRetrying(`${url}/api/polls/current`);
          const poll = (await response.json()) as Poll;
          before = totalVotes(poll);
          const cookie = response.headers
            .getSetCookie()
            .map((each) => each.split(';')[0]!)
            .join('; ');
          browsers.push({ cookie, pollId: poll.id, unitId: poll.options[index % poll.options.length]!.unitId });
        },
      );
      const polled = (await (await fetch(`${url}/api/polls/current`)).json()) as Poll;
      before = totalVotes(polled);
      const latencies: number[] = [];
      let refused = 0;
      let retries = 0;
      const cpuBefore = cpuMsOf(service.child.pid);
      const started = performance.now();
      await pool(browsers, concurrency, async (browser) => {
        const sent = performance.now();
        const { response, retried } = await fetchRetrying(`${url}/api/polls/${browser.pollId}/votes`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: browser.cookie },
          body: JSON.stringify({ unitId: browser.unitId }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (retried) retries += 1;
        // 409 after a retry: the first try was stored and only its answer was lost.
        if (response.status !== 201 && !(retried && response.status === 409)) refused += 1;
      });
      const seconds = (performance.now() - started) / 1000;
      const cpuPerVote = (cpuMsOf(service.child.pid) - cpuBefore) / voters;
      cpuFigures.push(cpuPerVote);
      const after = (await (await fetch(`${url}/api/polls/current`)).json()) as Poll;
      const rows = countRows ? await countRows(after.id) : undefined;
      const exact = refused === 0 && totalVotes(after) - before === voters && (rows === undefined || rows === totalVotes(after));
      const perSecond = voters / seconds;
      figures.push(perSecond);
      print(
        `${label} run ${run}: ${voters} votes in ${seconds.toFixed(2)} s = ${perSecond.toFixed(0)} votes/s, ` +
          `p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, ` +
          `service CPU ${cpuPerVote.toFixed(2)} ms/vote; load ${os.loadavg()[0]!.toFixed(1)}; ` +
          `tally +${totalVotes(after) - before}${rows === undefined ? '' : `, rows ${rows}`}, refused ${refused}, retried ${retries} → ${exact ? 'exact' : 'NOT EXACT'}`,
      );
      if (!exact) process.exitCode = 1;
    }
    const cpuMedian = percentile(cpuFigures, 0.5);
    print(
      `${label}: median ${percentile(figures, 0.5).toFixed(0)} votes/s over ${runs} runs (concurrency ${concurrency}); ` +
        `service CPU ${cpuMedian.toFixed(2)} ms/vote (at most ${(1000 / cpuMedian).toFixed(0)} votes/s for one process on one free core)`,
    );
  } catch (error) {
    process.stderr.write(service.stderr().slice(-2000));
    throw error;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    service.child.kill('SIGTERM');
    await service.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  if (driver === 'pglite' || driver === 'both') await measure('PGlite', {}, undefined);
  if (driver === 'postgres' || driver === 'both') {
    if (!(await isPostgresReachable())) {
      print('PostgreSQL: skipped (no server at TEST_DATABASE_URL)');
      return;
    }
    const database = await createTemporaryDatabase();
    const countRows = async (pollId: string) => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        return Number((await client.query<{ count: string }>('select count(*) from votes where poll_id = $1', [pollId])).rows[0]!.count);
      } finally {
        await client.end();
      }
    };
    try {
      await measure('PostgreSQL', { DATABASE_URL: database.url }, countRows);
    } finally {
      await database.drop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
