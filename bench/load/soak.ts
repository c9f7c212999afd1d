/**
 * A soak: one app process (as `npm start` runs it: PGlite with the demo data; vector store off, so retrieval is
 * BM25) under steady mixed load for `--minutes` (default 10): votes through the HTTP API by distinct voters,
 * chat questions through socket.io /chat (a new visitor per conversation, two questions each, then it leaves),
 * and page and API reads. The app's RSS and heap are sampled every 10 s (a preloaded reporter, no app code);
 * after a warm-up (default 60 s) the median of the last minute is compared with the median of the first sampled
 * minute. Exit code 1 when either grows more than 10 %.
 *
 *   npm run bench:load:soak [-- --minutes 10] [--warm-up-seconds 60] [--votes-per-second 3]
 *     [--conversations-per-second 0.5] [--reads-per-second 4]
 *
 * Not part of `npm test`.
 */
import { ask, connectChat, visitorCookie } from '../../tests/support/chat-client';
import fs from 'node:fs';
import path from 'node:path';
import { option } from '../../scripts/support/command-line';
import { loadAverage } from './support/load-average';
import { freePort } from '../../tests/support/redis-server';
import { memorySamples, startBenchApp } from './support/app-process';
import { castVote, median, newVoter, percentile, sleep } from './support/voters';

const print = (line: string) => process.stdout.write(`${line}\n`);
const argv = process.argv.slice(2);
const minutes = Number(option(argv, '--minutes') ?? 10);
const warmUpSeconds = Number(option(argv, '--warm-up-seconds') ?? 60);
const votesPerSecond = Number(option(argv, '--votes-per-second') ?? 2);
const conversationsPerSecond = Number(option(argv, '--conversations-per-second') ?? 0.2);
const readsPerSecond = Number(option(argv, '--reads-per-second') ?? 3);
// A steady load, not an overload: when this many of a kind are still waiting, the next one is skipped (and
// counted), so a slow machine does not pile up a backlog that would read as memory growth.
const maxInFlight = Number(option(argv, '--max-in-flight') ?? 20);
const sampleMs = 10_000;
const limit = 0.1;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const questions = [
  '保障房的申请条件是什么？',
  '失业金怎么领？',
  '物业不作为可以换物业吗？',
  '老板拖欠工资怎么办？',
  '年假有几天？',
  '下周谁来接线？',
  '投票结果怎么样？',
  '噪音扰民找哪个部门？',
];
// Pages only when their bundle was built (npm run build:webchat); otherwise the server answers them 503.
const pagesBuilt = fs.existsSync(path.join(__dirname, '../../webchat/dist'));
const readPaths = [
  '/api/polls/current',
  '/api/appeals?page=1',
  '/api/previews',
  '/api/stats/categories',
  '/api/units',
  ...(pagesBuilt ? ['/', '/appeals', '/stats'] : []),
];

interface Counts {
  ok: number;
  failed: number;
  skipped: number;
  latencies: number[];
  failures: Map<string, number>;
}
const newCounts = (): Counts => ({ ok: 0, failed: 0, skipped: 0, latencies: [], failures: new Map() });

/** Starts `perSecond` tasks a second, evenly spaced, without waiting for earlier ones (an open load). */
function paced(perSecond: number, until: () => boolean, counts: Counts, task: (index: number) => Promise<void>): Promise<void> {
  if (perSecond <= 0) return Promise.resolve();
  const pending = new Set<Promise<void>>();
  return (async () => {
    const started = Date.now();
    for (let index = 0; until(); index += 1) {
      const due = started + (index * 1000) / perSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      if (pending.size >= maxInFlight) {
        counts.skipped += 1;
        continue;
      }
      const running = task(index).finally(() => pending.delete(running));
      pending.add(running);
    }
    await Promise.all(pending);
  })();
}

async function main() {
  const port = await freePort();
  if (!pagesBuilt) print('webchat/dist is not built: reads are API reads only (npm run build:webchat adds the pages)');
  print(
    `soak: ${minutes} min, warm-up ${warmUpSeconds} s, ${votesPerSecond} votes/s, ${conversationsPerSecond} conversations/s (2 questions each), ${readsPerSecond} reads/s; load average ${loadAverage()}`,
  );
  const app = await startBenchApp({ port, environment: { VECTOR_STORE: 'off' }, memorySampleMs: sampleMs });
  const interrupted = () => {
    void app.stop().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    const started = Date.now();
    const ends = started + minutes * 60_000;
    const running = () => Date.now() < ends && app.alive();
    const votes = newCounts();
    const chats = newCounts();
    const reads = newCounts();
    /** `work` answers true, or the reason it failed. */
    const timed = async (counts: Counts, work: () => Promise<true | string>) => {
      const sent = Date.now();
      const result = await work().catch((error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
      counts.latencies.push(Date.now() - sent);
      if (result === true) counts.ok += 1;
      else {
        counts.failed += 1;
        counts.failures.set(result, (counts.failures.get(result) ?? 0) + 1);
      }
    };
    const progress = setInterval(() => {
      const samples = memorySamples(app.running);
      const last = samples.at(-1);
      print(
        `${((Date.now() - started) / 60_000).toFixed(1)} min: votes ${votes.ok} (+${votes.failed} failed), chat conversations ${chats.ok} (+${chats.failed}), ` +
          `reads ${reads.ok} (+${reads.failed}); RSS ${last ? megabytes(last.rss) : '?'}, heap ${last ? megabytes(last.heapUsed) : '?'}; load ${loadAverage()}`,
      );
    }, 60_000);
    await Promise.all([
      paced(votesPerSecond, running, votes, (index) =>
        timed(votes, async () => {
          const voter = await newVoter(app.url, index);
          const { status } = await castVote(app.url, voter);
          return status === 201 || `vote answered ${status}`;
        }),
      ),
      paced(conversationsPerSecond, running, chats, (index) =>
        timed(chats, async () => {
          const cookie = await visitorCookie(app.url);
          const { socket } = await connectChat(app.url, cookie);
          try {
            const first = await ask(socket, questions[index % questions.length]!);
            const second = await ask(socket, questions[(index + 3) % questions.length]!);
            return (first.done !== undefined && second.done !== undefined) || `chat error ${(first.error ?? second.error)?.code}`;
          } finally {
            socket.close();
          }
        }),
      ),
      paced(readsPerSecond, running, reads, (index) =>
        timed(reads, async () => {
          const readPath = readPaths[index % readPaths.length]!;
          const response = await fetch(`${app.url}${readPath}`, { signal: AbortSignal.timeout(15_000) });
          await response.arrayBuffer();
          return response.ok || `${readPath} answered ${response.status}`;
        }),
      ),
    ]);
    clearInterval(progress);
    const alive = app.alive();
    const samples = memorySamples(app.running).filter((sample) => sample.at >= started + warmUpSeconds * 1000);
    const firstMinute = samples.filter((sample) => sample.at < samples[0]!.at + 60_000);
    const lastMinute = samples.filter((sample) => sample.at > samples.at(-1)!.at - 60_000);
    const growth = (key: 'rss' | 'heapUsed') => {
      const first = median(firstMinute.map((sample) => sample[key]));
      const last = median(lastMinute.map((sample) => sample[key]));
      return { first, last, growth: (last - first) / first };
    };
    const rss = growth('rss');
    const heap = growth('heapUsed');
    const line = (counts: Counts) =>
      `${counts.ok} ok, ${counts.failed} failed${counts.failures.size ? ` (${[...counts.failures].map(([why, count]) => `${why} ×${count}`).join('; ')})` : ''}, ` +
      `${counts.skipped} skipped (${maxInFlight} in flight), p50 ${percentile(counts.latencies, 0.5)} ms, p95 ${percentile(counts.latencies, 0.95)} ms`;
    print(`votes: ${line(votes)}`);
    print(`chat conversations (2 answers each): ${line(chats)}`);
    print(`reads: ${line(reads)}`);
    print(`samples after the warm-up: ${samples.length} (first minute ${firstMinute.length}, last minute ${lastMinute.length})`);
    print(`RSS  ${megabytes(rss.first)} → ${megabytes(rss.last)}: ${(rss.growth * 100).toFixed(1)} %`);
    print(`heap ${megabytes(heap.first)} → ${megabytes(heap.last)}: ${(heap.growth * 100).toFixed(1)} %`);
    const pass = alive && rss.growth <= limit && heap.growth <= limit && votes.failed + chats.failed + reads.failed === 0;
    print(
      `soak: ${pass ? 'PASS' : 'FAIL'} — growth RSS ${(rss.growth * 100).toFixed(1)} %, heap ${(heap.growth * 100).toFixed(1)} % (limit ${limit * 100} %), ` +
        `${votes.failed + chats.failed + reads.failed} failed requests, process ${alive ? 'alive' : 'DIED'} (load average ${loadAverage()})`,
    );
    if (!pass) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(app.running.stderr().slice(-2000));
    throw error;
  } finally {
    process.off('SIGINT', interrupted);
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
