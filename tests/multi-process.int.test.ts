import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { chatNamespace, type ChatReady } from '../common';
import { ask, connectChat, visitorCookie } from './support/chat-client';
import { startChroma, type RunningChroma } from './support/chroma-process';
import { startNginx, type RunningNginx } from './support/nginx-server';
import { createTemporaryDatabase, describePostgres } from './support/postgres-server';
import { startRedis, type RunningRedis } from './support/redis-server';
import { startProcess, waitForListening, type RunningProcess } from './support/service-process';
import { postWechat, textMessageXml } from './support/wechat-client';

/**
 * Two app processes on PostgreSQL + Redis + a Chroma server, behind Debian's nginx with deploy/nginx.conf:
 * what one process does, a client of the other sees; limits count both; a process that dies or restarts
 * loses nothing that was confirmed.
 */
jest.setTimeout(240_000);

interface Tally {
  pollId: string;
  options: { unitId: string; votes: number }[];
}

const apiLimit = 60;
/** Vote attempts per address per hour (VOTE_RATE_LIMIT_PER_IP_HOUR): each voter below has its own address but one. */
const voteLimit = 10;

/** Names the step that did not finish, rather than a bare test timeout. */
const within = <T>(promise: Promise<T>, milliseconds: number, step: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`${step}: not within ${milliseconds} ms`)), milliseconds).unref(),
    ),
  ]);
const wechatToken = 'multiProcessToken42';

describePostgres('two processes behind nginx', () => {
  let database: { url: string; drop: () => Promise<void> };
  let redis: RunningRedis;
  let chroma: RunningChroma;
  let nginx: RunningNginx;
  const dataDirectories: string[] = [];
  const processes: { a?: RunningProcess; b?: RunningProcess } = {};
  const ports: { a: number; b: number } = { a: 0, b: 0 };
  const url = (name: 'a' | 'b') => `http://127.0.0.1:${ports[name]}`;

  const environment = (name: 'a' | 'b', port: number) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `xiaoning-${name}-`));
    dataDirectories.push(dataDir);
    return {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      CHROMA_URL: chroma.url,
      DATA_DIR: dataDir,
      PORT: String(port),
      SESSION_SECRET: 'multi-process-test-secret-0123456789abcdef',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'info',
      API_RATE_LIMIT_PER_MINUTE: String(apiLimit),
      VOTE_RATE_LIMIT_PER_IP_HOUR: String(voteLimit),
      WECHAT_TOKEN: wechatToken,
      // A loads the demo data; B finds it there (two processes must not seed one empty database at once).
      SEED_DEMO_DATA: name === 'a' ? 'true' : 'false',
    };
  };

  const start = async (name: 'a' | 'b', port = 0) => {
    const running = startProcess('server/main.ts', [], environment(name, port));
    processes[name] = running;
    ports[name] = await waitForListening(running, 180_000);
  };

  const stop = async (name: 'a' | 'b', signal: NodeJS.Signals) => {
    const running = processes[name]!;
    running.child.kill(signal);
    await running.exited;
  };

  beforeAll(async () => {
    database = await createTemporaryDatabase();
    [redis, chroma] = await Promise.all([startRedis(), startChroma()]);
    await start('a');
    await start('b');
    nginx = await startNginx([ports.a, ports.b]);
  });

  afterAll(async () => {
    for (const running of Object.values(processes)) {
      if (running && running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGKILL');
        await running.exited;
      }
    }
    await nginx?.stop();
    await Promise.all([redis?.stop(), chroma?.stop()]);
    await database?.drop();
    for (const directory of dataDirectories) fs.rmSync(directory, { recursive: true, force: true });
  });

  /** A voter as a browser is one: the poll and its cookies from a first request, the vote with them. */
  const newVoter = async (base: string, forwardedFor: string) => {
    const response = await fetch(`${base}/api/polls/current`, { headers: { 'X-Forwarded-For': forwardedFor } });
    expect(response.status).toBe(200);
    const poll = (await response.json()) as { id: string; options: { unitId: string; votes: number }[] };
    const cookie = response.headers
      .getSetCookie()
      .map((each) => each.split(';')[0]!)
      .join('; ');
    const vote = (unitId: string, at = base) =>
      fetch(`${at}/api/polls/${poll.id}/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-Forwarded-For': forwardedFor },
        body: JSON.stringify({ unitId }),
      });
    return { poll, cookie, vote };
  };

  /**
   * A browser's request through nginx from its own address: any 127.x.y.z reaches 127.0.0.1 on Linux, so nginx
   * sees a distinct client per voter (per-address limits then count each alone, as for real citizens).
   */
  const requestFrom = (
    localAddress: string,
    target: string,
    options: { method?: string; cookie?: string; body?: string } = {},
  ): Promise<{ status: number; cookies: string[]; body: string }> =>
    new Promise((resolve, reject) => {
      const request = http.request(
        target,
        {
          method: options.method ?? 'GET',
          localAddress,
          headers: {
            ...(options.cookie ? { Cookie: options.cookie } : {}),
            ...(options.body ? { 'Content-Type': 'application/json' } : {}),
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              cookies: (response.headers['set-cookie'] ?? []).map((each) => each.split(';')[0]!),
              body,
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(options.body);
    });

  const votesInDatabase = async (pollId: string): Promise<number> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await client.query<{ count: string }>('select count(*) from votes where poll_id = $1', [pollId]);
      return Number(result.rows[0]!.count);
    } finally {
      await client.end();
    }
  };

  test('a vote through A reaches a /polls client connected to B within 1 s', async () => {
    const voter = await newVoter(url('a'), '198.51.100.1');
    const unitId = voter.poll.options[0]!.unitId;
    const before = voter.poll.options[0]!.votes;
    const client: Socket = io(`${url('b')}/polls`, { forceNew: true, reconnection: false, transports: ['websocket'] });
    try {
      await new Promise<void>((resolve, reject) => {
        client.once('tally', () => resolve());
        client.once('connect_error', reject);
      });
      const seen = new Promise<number>((resolve) => {
        client.on('tally', (tally: Tally) => {
          if (tally.options.find((option) => option.unitId === unitId)?.votes === before + 1) resolve(Date.now());
        });
      });
      const sentAt = Date.now();
      const response = await voter.vote(unitId);
      expect(response.status).toBe(201);
      const receivedAt = await seen;
      process.stdout.write(`vote on A → tally on B in ${receivedAt - sentAt} ms\n`);
      expect(receivedAt - sentAt).toBeLessThan(1000);
    } finally {
      client.close();
    }
  });

  test('a conversation started on A resumes on B', async () => {
    const cookie = await visitorCookie(url('a'));
    const onA = await connectChat(url('a'), cookie);
    const answer = await ask(onA.socket, '保障房的申请条件是什么？');
    onA.socket.close();
    expect(answer.done).toBeDefined();
    const conversationId = answer.done!.conversationId;
    const onB = await connectChat(url('b'), cookie, { conversationId });
    try {
      expect(onB.ready.conversationId).toBe(conversationId);
      expect(onB.ready.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
      expect(onB.ready.messages[0]!.content).toBe('保障房的申请条件是什么？');
    } finally {
      onB.socket.close();
    }
  });

  test('a second question on B while A answers the first of the same conversation gets the one-question-at-a-time reply', async () => {
    const cookie = await visitorCookie(url('a'));
    const started = await connectChat(url('a'), cookie);
    const conversationId = (await ask(started.socket, '保障房的申请条件是什么？')).done!.conversationId;
    started.socket.close();
    const onA = await connectChat(url('a'), cookie, { conversationId });
    const onB = await connectChat(url('b'), cookie, { conversationId });
    const lockKey = `xiaoning:chat:in-flight:${conversationId}`;
    const redisClient = createClient({ url: redis.url });
    await redisClient.connect();
    try {
      // B's question must arrive while A holds the conversation: sent once A's lock is in Redis; should A finish
      // first on a fast machine, the round is tried again.
      let outcome: { onB: Awaited<ReturnType<typeof ask>>; aStillAnswering: boolean } | undefined;
      for (let round = 0; round < 4 && !outcome?.aStillAnswering; round += 1) {
        let aDone = false;
        const answerOnA = ask(onA.socket, round % 2 === 0 ? '失业保险金怎么领？' : '工伤认定需要什么材料？').then((result) => {
          aDone = true;
          return result;
        });
        for (let waited = 0; waited < 5000 && !aDone && (await redisClient.exists(lockKey)) === 0; waited += 2) {
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        const replyOnB = await ask(onB.socket, '年假有几天？');
        outcome = { onB: replyOnB, aStillAnswering: !aDone };
        expect((await answerOnA).done).toBeDefined();
        if (replyOnB.done) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(outcome!.aStillAnswering).toBe(true);
      expect(outcome!.onB.error).toEqual({ code: 'BUSY', message: '小宁还在回答上一个问题，请稍等。' });
      // Once A has answered, B takes the next question of the conversation.
      const next = await ask(onB.socket, '年假有几天？');
      expect(next.done?.conversationId).toBe(conversationId);
    } finally {
      onA.socket.close();
      onB.socket.close();
      await redisClient.close();
    }
  });

  test('the API rate limit holds for both processes together', async () => {
    const forwardedFor = '198.51.100.77';
    const statuses: number[] = [];
    for (let index = 0; index < apiLimit + 20; index += 1) {
      const response = await fetch(`${url(index % 2 === 0 ? 'a' : 'b')}/api/units`, { headers: { 'X-Forwarded-For': forwardedFor } });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(apiLimit);
    expect(statuses.slice(apiLimit).every((status) => status === 429)).toBe(true);
  });

  test('the vote rate limit holds for both processes together', async () => {
    // Distinct voters behind one address, taking turns on A and B: the address's budget is counted once.
    const forwardedFor = '198.51.100.55';
    const statuses: number[] = [];
    for (let index = 0; index < voteLimit + 4; index += 1) {
      const voter = await newVoter(url(index % 2 === 0 ? 'a' : 'b'), forwardedFor);
      const response = await voter.vote(voter.poll.options[index % voter.poll.options.length]!.unitId);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.slice(0, voteLimit)).toEqual(Array.from({ length: voteLimit }, () => 201));
    expect(statuses.slice(voteLimit)).toEqual([429, 429, 429, 429]);
  });

  test('failed logins are counted for both processes together', async () => {
    // LOGIN_MAX_FAILURES_PER_ACCOUNT is 5 by default: three failures on A and two on B lock the account on both.
    const statuses: number[] = [];
    for (const name of ['a', 'a', 'a', 'b', 'b', 'b', 'a'] as const) {
      const response = await fetch(`${url(name)}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.99' },
        body: JSON.stringify({ username: 'guessed-account', password: 'not-the-password-1' }),
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  test('a WeChat retry landing on B while A answers gets no second answer', async () => {
    const xml = textMessageXml('oMultiProcessVisitor1', '失业保险金怎么领？');
    const onA = postWechat(`${url('a')}/wechat`, xml, { token: wechatToken });
    // WeChat resends after 5 s without an answer; here the retry reaches the other process while A still works.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const onB = postWechat(`${url('b')}/wechat`, xml, { token: wechatToken });
    const replies = await Promise.all([onA, onB]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
    expect(replies.filter((reply) => reply.body.startsWith('<xml>'))).toHaveLength(1);
    expect(replies.filter((reply) => reply.body === 'success')).toHaveLength(1);
  });

  test('a rolling restart of both processes behind nginx loses no vote', async () => {
    const voters = 120;
    let pollId = '';
    let confirmed = 0;
    const failures: number[] = [];
    let restarting = true;
    let cast = 0;
    const castAll = async () => {
      // Votes keep coming for as long as the restarts take, and at least `voters` of them.
      for (let index = 0; index < voters || restarting; index += 1) {
        cast = index + 1;
        const address = `127.0.${1 + Math.floor(index / 200)}.${1 + (index % 200)}`;
        // Each voter is a browser behind nginx: it keeps its cookie and retries until its vote is confirmed
        // (201) or known (409: an earlier try was stored but its answer was lost), so a vote counts once.
        let voter: { pollId: string; unitId: string; cookie: string } | undefined;
        for (let attempt = 0; ; attempt += 1) {
          try {
            if (!voter) {
              const current = await requestFrom(address, `${nginx.url}/api/polls/current`);
              if (current.status !== 200) throw new Error(String(current.status));
              const poll = JSON.parse(current.body) as { id: string; options: { unitId: string }[] };
              pollId = poll.id;
              voter = { pollId: poll.id, unitId: poll.options[index % poll.options.length]!.unitId, cookie: current.cookies.join('; ') };
            }
            const response = await requestFrom(address, `${nginx.url}/api/polls/${voter.pollId}/votes`, {
              method: 'POST',
              cookie: voter.cookie,
              body: JSON.stringify({ unitId: voter.unitId }),
            });
            if (response.status === 201 || response.status === 409) {
              confirmed += 1;
              break;
            }
            failures.push(response.status);
          } catch (error) {
            failures.push(error instanceof Error && /^\d+$/.test(error.message) ? Number(error.message) : 0);
          }
          if (attempt > 100) throw new Error(`voter ${index} could not vote: ${failures.join(',')}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };
    const before = await votesInDatabase((await newVoter(url('a'), '198.51.100.3')).poll.id);
    const casting = castAll();
    for (const name of ['a', 'b'] as const) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const port = ports[name];
      await stop(name, 'SIGTERM');
      await start(name, port);
    }
    restarting = false;
    await casting;
    process.stdout.write(
      `rolling restart: ${cast} voters, ${confirmed} votes confirmed; statuses retried: ${failures.join(',') || 'none'}\n`,
    );
    expect(confirmed).toBe(cast);
    expect(await votesInDatabase(pollId)).toBe(before + cast);
    const tally = (await (await fetch(`${url('b')}/api/polls/current`)).json()) as { options: { votes: number }[] };
    expect(tally.options.reduce((sum, option) => sum + option.votes, 0)).toBe(before + cast);
  });

  test('killing A mid-conversation: the client reconnects through nginx to B and gets its conversation back', async () => {
    // A route key that nginx sends to A (found by the request id A logs).
    let routeKey = '';
    for (let candidate = 0; candidate < 50 && !routeKey; candidate += 1) {
      const response = await fetch(`${nginx.url}/api/health`, { headers: { Cookie: `xiaoning_route=key-${candidate}` } });
      await response.arrayBuffer();
      const requestId = response.headers.get('x-request-id') ?? '';
      if (!requestId) continue;
      // A process logs a request when its response has finished, which may be just after the client has it:
      // wait until one of the two has logged it, then see which.
      const loggedBy = async () => {
        for (let waited = 0; waited < 3000; waited += 25) {
          if (processes.a!.stdout().includes(requestId)) return 'a';
          if (processes.b!.stdout().includes(requestId)) return 'b';
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        return undefined;
      };
      if ((await loggedBy()) === 'a') routeKey = `key-${candidate}`;
    }
    expect(routeKey).not.toBe('');
    const cookie = `${await visitorCookie(url('a'))}; xiaoning_route=${routeKey}`;
    let conversationId: string | undefined;
    const socket = io(`${nginx.url}${chatNamespace}`, {
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 500,
      extraHeaders: { cookie },
      // As the widget does: the conversation is named again at every (re)connection.
      auth: (callback) => callback(conversationId ? { conversationId } : {}),
    });
    try {
      await within(new Promise<ChatReady>((resolve) => socket.once('ready', resolve)), 30_000, 'first connection through nginx');
      const first = await within(ask(socket, '失业保险金怎么领？'), 30_000, 'first answer');
      conversationId = first.done!.conversationId;
      const readyAgain = new Promise<ChatReady>((resolve) => socket.once('ready', resolve));
      socket.emit('message', { text: '需要什么材料？' });
      await within(stop('a', 'SIGKILL'), 10_000, 'kill A');
      const resumed = await within(readyAgain, 30_000, 'reconnection to B');
      expect(resumed.conversationId).toBe(conversationId);
      expect(resumed.messages[0]).toEqual({ role: 'user', content: '失业保险金怎么领？' });
      // The question in flight when A died is asked again, now answered by B.
      const second = await within(ask(socket, '需要什么材料？'), 30_000, 'answer from B');
      expect(second.done?.conversationId).toBe(conversationId);
    } finally {
      socket.close();
    }
  });
});
