/**
 * Fault runs against the real service (not part of `npm test`); each prints what happened and a PASS/FAIL line.
 *
 *   a. kill -9 of the app during a vote burst on PostgreSQL (2,000 distinct voters, 50 at a time); the app is
 *      restarted on the same port and the clients retry the requests that got no answer. No vote lost (rows =
 *      voters answered 201 or, after a retry, 409) and none doubled (tally = rows).
 *   b. Redis stopped for 10 s under load, two processes on PostgreSQL + Redis + a Chroma server: requests are
 *      still answered (rate limits let through), fan-out across processes pauses, then works again; no crash,
 *      no lost vote.
 *   c. PostgreSQL restarted under load (a throw-away cluster of this user, never the system one): requests fail
 *      clearly (Chinese error JSON, 503, within a bound) and the service recovers by itself.
 *
 *   npm run bench:load:faults [-- --only a,b,c] [--voters 2000] [--concurrency 50]
 *
 * Needs PostgreSQL at TEST_DATABASE_URL (runs a and b), Debian's redis-server and /usr/lib/postgresql/15/bin.
 * Exit code 1 when a run fails.
 */
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import fs from 'node:fs';
import { option } from '../../scripts/support/command-line';
import { loadAverage } from './support/load-average';
import { startChroma } from '../../tests/support/chroma-process';
import { createTemporaryDatabase } from '../../tests/support/postgres-server';
import { freePort, startRedis } from '../../tests/support/redis-server';
import { startBenchApp, type BenchApp } from './support/app-process';
import { createPostgresCluster } from '../../tests/support/postgres-cluster';
import { statusSummary, steadyLoad, timedRequest, type Outcome } from './support/request-log';
import { castVote, currentPoll, inPool, newVoter, percentile, sleep, totalVotes, type Voter } from './support/voters';

const print = (line: string) => process.stdout.write(`${line}\n`);
const argv = process.argv.slice(2);
const only = (option(argv, '--only') ?? 'a,b,c').split(',');
const voterCount = Number(option(argv, '--voters') ?? 2000);
const concurrency = Number(option(argv, '--concurrency') ?? 50);
const verdict = (run: string, pass: boolean, why: string) => {
  print(`${run}: ${pass ? 'PASS' : 'FAIL'} — ${why} (load average ${loadAverage()})`);
  if (!pass) process.exitCode = 1;
};

async function countRows(databaseUrl: string, pollId: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ count: string }>('select count(*) from votes where poll_id = $1', [pollId])).rows[0]!.count);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// a. kill -9 during a vote burst

async function killDuringVoteBurst() {
  print(`\n== a. kill -9 of the app during a burst of ${voterCount} votes (concurrency ${concurrency}, PostgreSQL)`);
  const database = await createTemporaryDatabase();
  const port = await freePort();
  const environment = { DATABASE_URL: database.url, VECTOR_STORE: 'off' };
  let app: BenchApp & { dataDirectory: string } = await startBenchApp({ port, environment });
  const dataDirectory = app.dataDirectory;
  try {
    const voters: Voter[] = [];
    await inPool(
      Array.from({ length: voterCount }, (_, index) => index),
      concurrency,
      async (index) => {
        voters[index] = await newVoter(app.url, index);
      },
    );
    const pollId = voters[0]!.pollId;
    const rowsBefore = await countRows(database.url, pollId);
    const answers: { status: number; retried: boolean }[] = [];
    let noAnswer = 0;
    let completed = 0;
    let killedAt = 0;
    let backAt = 0;
    const killAfter = Math.floor(voterCount * 0.3);
    const restart = (async () => {
      while (completed < killAfter) await sleep(5);
      killedAt = Date.now();
      await app.kill();
      print(`killed (SIGKILL) after ${completed} answered votes`);
      app = await startBenchApp({ port, environment: { ...environment, SEED_DEMO_DATA: 'false' }, dataDirectory });
      backAt = Date.now();
      print(`restarted: healthy again ${((backAt - killedAt) / 1000).toFixed(1)} s after the kill`);
    })();
    const started = Date.now();
    await inPool(voters, concurrency, async (voter, index) => {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const { status } = await castVote(app.url, voter, 30_000);
          answers[index] = { status, retried: attempt > 0 };
          completed += 1;
          return;
        } catch {
          // No answer (refused while the process is down, or reset as it died): the client tries again.
          noAnswer += 1;
          if (Date.now() - started > 600_000) {
            answers[index] = { status: 0, retried: true };
            return;
          }
          await sleep(250);
        }
      }
    });
    await restart;
    const after = await currentPoll(app.url);
    const rows = await countRows(database.url, pollId);
    const created = answers.filter((answer) => answer.status === 201).length;
    const alreadyAfterRetry = answers.filter((answer) => answer.status === 409 && answer.retried).length;
    const alreadyFirstTry = answers.filter((answer) => answer.status === 409 && !answer.retried).length;
    const other = answers.filter((answer) => answer.status !== 201 && answer.status !== 409);
    const otherSummary = [...new Set(other.map((answer) => answer.status))].map(
      (status) => `${status}×${other.filter((each) => each.status === status).length}`,
    );
    const tally = totalVotes(after);
    const added = rows - rowsBefore;
    print(
      `voters ${voterCount}: 201 ${created}, 409 after a retry ${alreadyAfterRetry}, 409 on a first try ${alreadyFirstTry}, ` +
        `other ${otherSummary.join(', ') || '0'}; requests with no answer (retried) ${noAnswer}`,
    );
    print(`rows added ${added} (rows ${rows}), tally ${tally}; burst took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const lost = created + alreadyAfterRetry > added;
    const doubled = added > created + alreadyAfterRetry || tally !== rows;
    verdict(
      'a. kill -9 during a vote burst',
      !lost && !doubled && other.length === 0 && alreadyFirstTry === 0 && added === voterCount,
      `${lost ? 'votes LOST' : 'no vote lost'}, ${doubled ? 'votes DOUBLED or tally ≠ rows' : 'none doubled'} (rows added ${added} = confirmed ${created + alreadyAfterRetry}, tally ${tally} = rows ${rows})`,
    );
  } finally {
    await app.stop();
    fs.rmSync(dataDirectory, { recursive: true, force: true });
    await database.drop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// b. Redis stopped for 10 s

/** A /polls client that records when it saw a tally with at least `votes` for `unitId`. */
function pollsWatcher(url: string) {
  const socket: Socket = io(`${url}/polls`, {
    forceNew: true,
    transports: ['websocket'],
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
  });
  const waiters: { unitId: string; votes: number; resolve: () => void }[] = [];
  socket.on('tally', (tally: { options: { unitId: string; votes: number }[] }) => {
    for (const waiter of [...waiters]) {
      if ((tally.options.find((each) => each.unitId === waiter.unitId)?.votes ?? 0) >= waiter.votes) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  return {
    socket,
    seen: (unitId: string, votes: number, timeoutMs: number) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          resolve(false);
        }, timeoutMs);
        const waiter = {
          unitId,
          votes,
          resolve: () => {
            clearTimeout(timer);
            resolve(true);
          },
        };
        waiters.push(waiter);
      }),
  };
}

async function redisOutage() {
  print('\n== b. Redis stopped for 10 s under load (two processes, PostgreSQL + Redis + Chroma server)');
  const database = await createTemporaryDatabase();
  const [redis, chroma] = await Promise.all([startRedis(), startChroma()]);
  const apps: (BenchApp & { dataDirectory: string })[] = [];
  try {
    const shared = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      CHROMA_URL: chroma.url,
      SESSION_SECRET: 'faults-bench-secret-0123456789abcdef0123',
      // Limits on, as in production, high enough that the load alone stays under them.
      API_RATE_LIMIT_PER_MINUTE: '100000',
      VOTE_RATE_LIMIT_PER_IP_HOUR: '100000',
    };
    apps.push(await startBenchApp({ port: await freePort(), environment: { ...shared, SEED_DEMO_DATA: 'true' } }));
    apps.push(await startBenchApp({ port: await freePort(), environment: { ...shared, SEED_DEMO_DATA: 'false' } }));
    const a = apps[0]!;
    const b = apps[1]!;
    const watcherOnB = pollsWatcher(b.url);
    await new Promise((resolve) => watcherOnB.socket.once('tally', resolve));
    let voterIndex = 0;
    const confirmed = { created: 0, other: 0 };
    /** Votes through A; true when a /polls client on B saw it within `withinMs`. */
    const fanOutProbe = async (withinMs: number): Promise<{ answered: number; seen: boolean }> => {
      const voter = await newVoter(a.url, voterIndex++);
      const before = (await currentPoll(a.url)).options.find((each) => each.unitId === voter.unitId)!.votes;
      const seen = watcherOnB.seen(voter.unitId, before + 1, withinMs);
      const { status } = await castVote(a.url, voter);
      if (status === 201) confirmed.created += 1;
      else confirmed.other += 1;
      return { answered: status, seen: await seen };
    };
    const baseline = await fanOutProbe(2000);
    print(`before: a vote on A answered ${baseline.answered}, seen by a /polls client on B: ${baseline.seen}`);
    const load = steadyLoad(
      8,
      async (worker) => {
        const app = worker % 2 ? b : a;
        const results: Outcome[] = [];
        // Votes go to A only: B then sends no tally of its own, so what B's client sees of A's votes came
        // through Redis (B's local broadcasts would otherwise confound the fan-out probe).
        const voter = await newVoter(a.url, voterIndex++).catch(() => undefined);
        if (voter) {
          const outcome = await timedRequest('vote', `${a.url}/api/polls/${voter.pollId}/votes`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Cookie: voter.cookie },
            body: JSON.stringify({ unitId: voter.unitId }),
          });
          if (outcome.status === 201) confirmed.created += 1;
          else confirmed.other += 1;
          results.push(outcome);
        }
        results.push(await timedRequest('read', `${app.url}/api/appeals?page=1`));
        results.push(await timedRequest('read', `${app.url}/api/previews`));
        return results;
      },
      100,
    );
    await sleep(5000);
    const stoppedAt = Date.now();
    const restarted = redis.restart(10_000);
    await sleep(3000);
    const during = await fanOutProbe(2000);
    print(
      `Redis down: a vote on A answered ${during.answered}, seen on B within 2 s: ${during.seen}${during.seen ? '' : ' (fan-out paused)'}`,
    );
    await restarted;
    const backAt = Date.now();
    print(`Redis back after ${((backAt - stoppedAt) / 1000).toFixed(1)} s`);
    let recoveredAfter = -1;
    while (Date.now() - backAt < 60_000) {
      const probe = await fanOutProbe(1000);
      if (probe.seen) {
        recoveredAfter = Date.now() - backAt;
        break;
      }
    }
    print(
      recoveredAfter >= 0
        ? `fan-out A → B works again ${(recoveredAfter / 1000).toFixed(1)} s after Redis returned`
        : 'fan-out A → B did NOT recover within 60 s',
    );
    await sleep(5000);
    const outcomes = await load.stop();
    watcherOnB.socket.close();
    print(`requests before the stop: ${statusSummary(outcomes, 0, stoppedAt)}`);
    print(`requests while Redis was down: ${statusSummary(outcomes, stoppedAt, backAt)}`);
    print(`requests after it returned: ${statusSummary(outcomes, backAt)}`);
    const slowest = percentile(
      outcomes.map((each) => each.milliseconds),
      1,
    );
    print(
      `slowest request ${slowest} ms; p95 ${percentile(
        outcomes.map((each) => each.milliseconds),
        0.95,
      )} ms`,
    );
    const pollId = (await currentPoll(a.url)).id;
    const rows = await countRows(database.url, pollId);
    const tally = totalVotes(await currentPoll(b.url));
    const failed = outcomes.filter((each) => each.status !== 200 && each.status !== 201);
    const bothAlive = a.alive() && b.alive();
    print(
      `votes answered 201: ${confirmed.created}, other answers ${confirmed.other}; rows ${rows}, tally ${tally}; both processes alive: ${bothAlive}`,
    );
    for (const each of failed.slice(0, 5)) print(`  failed: ${each.what} ${each.status} ${each.detail ?? ''}`);
    verdict(
      'b. Redis stopped for 10 s',
      bothAlive && failed.length === 0 && !during.seen && recoveredAfter >= 0 && tally === rows && confirmed.other === 0,
      `${failed.length} failed requests, fan-out ${during.seen ? 'did NOT pause' : 'paused'} and ${recoveredAfter >= 0 ? 'recovered' : 'did not recover'}, tally ${tally} ${tally === rows ? '=' : '≠'} rows ${rows}, ${bothAlive ? 'no crash' : 'a process DIED'}`,
    );
  } finally {
    for (const app of apps) await app.stop();
    await Promise.all([redis.stop(), chroma.stop()]);
    await database.drop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// c. PostgreSQL restarted

async function postgresRestart() {
  print('\n== c. PostgreSQL restarted under load (a throw-away cluster on a free port)');
  const cluster = await createPostgresCluster();
  const boundMs = 15_000;
  let app: (BenchApp & { dataDirectory: string }) | undefined;
  try {
    app = await startBenchApp({ port: await freePort(), environment: { DATABASE_URL: cluster.url, VECTOR_STORE: 'off' } });
    const url = app.url;
    let voterIndex = 0;
    const load = steadyLoad(
      6,
      async (worker, round) => {
        if (worker === 0 && round % 2 === 0) {
          const voter = await newVoter(url, voterIndex++).catch(() => undefined);
          if (voter) {
            return timedRequest(
              'vote',
              `${url}/api/polls/${voter.pollId}/votes`,
              {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Cookie: voter.cookie },
                body: JSON.stringify({ unitId: voter.unitId }),
              },
              boundMs,
            );
          }
        }
        const paths = ['/api/polls/current', '/api/appeals?page=1', '/api/previews', '/api/stats/categories', '/api/units'];
        return timedRequest(
          `GET ${paths[(worker + round) % paths.length]}`,
          `${url}${paths[(worker + round) % paths.length]}`,
          {},
          boundMs,
        );
      },
      50,
    );
    await sleep(5000);
    const stoppedAt = Date.now();
    await cluster.stop();
    print(`PostgreSQL stopped (fast shutdown) after ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s`);
    await sleep(8000);
    const startedAt = Date.now();
    await cluster.start();
    const upAt = Date.now();
    print(`PostgreSQL started again (${((upAt - startedAt) / 1000).toFixed(1)} s)`);
    // Recovered: the first moment after which every request succeeds.
    await sleep(15_000);
    const outcomes = await load.stop();
    const lastFailure = Math.max(
      0,
      ...outcomes.filter((each) => each.status >= 400 || each.status === 0).map((each) => each.at + each.milliseconds),
    );
    print(`requests before the stop: ${statusSummary(outcomes, 0, stoppedAt)}`);
    print(`requests while it was down or starting: ${statusSummary(outcomes, stoppedAt, upAt)}`);
    print(`requests after it was up: ${statusSummary(outcomes, upAt)}`);
    const failures = outcomes.filter((each) => each.status >= 400 || each.status === 0);
    const unclear = failures.filter((each) => each.unclear || each.status === 0);
    const wrongStatus = failures.filter((each) => each.status !== 503);
    const slowest = Math.max(...outcomes.map((each) => each.milliseconds));
    const details = [...new Set(failures.map((each) => `${each.status} ${each.detail ?? ''}`))];
    for (const detail of details.slice(0, 6)) print(`  failure seen: ${detail}`);
    const recoveredAfter = lastFailure > upAt ? lastFailure - upAt : 0;
    print(
      `slowest request ${slowest} ms (bound ${boundMs} ms); last failure ${(recoveredAfter / 1000).toFixed(1)} s after PostgreSQL was up; app alive: ${app.alive()}`,
    );
    if (!app.alive())
      print(
        `the app exited (${JSON.stringify(await app.running.exited)}); its last output:\n${app.running.stderr().slice(-3000)}${app.running.stdout().slice(-3000)}`,
      );
    const after = await timedRequest('check', `${url}/api/polls/current`);
    verdict(
      'c. PostgreSQL restart',
      app.alive() &&
        unclear.length === 0 &&
        wrongStatus.length === 0 &&
        slowest < boundMs &&
        after.status === 200 &&
        recoveredAfter < 10_000,
      `${failures.length} failed requests (${unclear.length} unclear, ${wrongStatus.length} not 503), slowest ${slowest} ms, ` +
        `recovered ${(recoveredAfter / 1000).toFixed(1)} s after the restart, then ${after.status}`,
    );
  } finally {
    await app?.stop();
    await cluster.destroy();
  }
}

async function main() {
  print(`load average at start ${loadAverage()}`);
  if (only.includes('a')) await killDuringVoteBurst();
  if (only.includes('b')) await redisOutage();
  if (only.includes('c')) await postgresRestart();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
