import { and, eq } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { votes } from '../storage/schema';
import type { ChatReady } from '../common';
import { ask } from './support/chat-client';
import { createTestApp } from './support/test-app';

const pollId = 'poll-demo-next-unit';
const cookieOf = (response: Response) => /xn_voter=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];

/**
 * One vote path for every channel (issue 20, finding 2): an identity must be established before it votes,
 * and one hourly throttle per network address covers the vote button, POST /api/chat and the socket.io chat.
 */
describe('vote rules are the same on every web channel (real app, real HTTP and socket.io clients)', () => {
  const votesPerAddressPerHour = 10;
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  const sockets: Socket[] = [];

  beforeAll(async () => {
    testApp = await createTestApp(
      { VOTE_RATE_LIMIT_PER_IP_HOUR: String(votesPerAddressPerHour), API_RATE_LIMIT_PER_MINUTE: '0', VECTOR_STORE: 'off' },
      { demoData: true },
    );
    served = await testApp.listen();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await served.close();
    await testApp.close();
  });

  const webVotes = async () =>
    testApp.services.database.db
      .select()
      .from(votes)
      .where(and(eq(votes.pollId, pollId), eq(votes.channel, 'web')));
  const chat = (body: object, cookie?: string) =>
    fetch(`${served.url}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });
  /** A socket.io client on /chat; `keepCookies` behaves like a browser (the cookie of the handshake goes back). */
  const connect = async (options: { cookie?: string; keepCookies?: boolean } = {}) => {
    const socket = io(`${served.url}/chat`, {
      forceNew: true,
      reconnection: false,
      withCredentials: options.keepCookies ?? false,
      ...(options.cookie ? { extraHeaders: { cookie: options.cookie } } : {}),
    });
    sockets.push(socket);
    await new Promise<ChatReady>((resolve, reject) => {
      socket.once('ready', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  };

  it('20 POST /api/chat “我投柘荣县” without the cookie cast no vote; with the cookie back the vote counts once, as web, with an IP hash', async () => {
    const startedAt = Date.now();
    const replies = await Promise.all(Array.from({ length: 20 }, () => chat({ message: '我投柘荣县' })));
    const elapsed = Date.now() - startedAt;
    const bodies = (await Promise.all(replies.map((reply) => reply.json()))) as { answer: string; conversationId: string }[];
    expect(await webVotes()).toHaveLength(0);
    for (const body of bodies) expect(body.answer).toContain('请先允许浏览器保存 Cookie，然后再投票一次');
    process.stdout.write(`20 cookie-less chat votes in ${elapsed} ms: ${(await webVotes()).length} cast\n`);

    const cookie = cookieOf(replies[0]!)!;
    const again = (await (await chat({ message: '我投柘荣县', conversationId: bodies[0]!.conversationId }, cookie)).json()) as {
      answer: string;
    };
    expect(again.answer).toContain('已为您投给“柘荣县人民政府”');
    const cast = await webVotes();
    expect(cast).toHaveLength(1);
    expect(cast[0]).toMatchObject({ unitId: 'zrx', channel: 'web', ipHash: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('100 socket.io connections without a cookie cast no vote', async () => {
    const before = (await webVotes()).length;
    const startedAt = Date.now();
    const answers: string[] = [];
    for (let batch = 0; batch < 5; batch += 1) {
      const connected = await Promise.all(Array.from({ length: 20 }, () => connect()));
      const outcomes = await Promise.all(connected.map((socket) => ask(socket, '我投柘荣县')));
      answers.push(...outcomes.map((outcome) => outcome.done?.answer ?? outcome.error!.message));
      for (const socket of connected) socket.disconnect();
    }
    process.stdout.write(`100 cookie-less socket votes in ${Date.now() - startedAt} ms: ${(await webVotes()).length - before} cast\n`);
    expect((await webVotes()).length).toBe(before);
    expect(answers.every((answer) => answer.includes('请先允许浏览器保存 Cookie'))).toBe(true);
  });

  it('a browser-like client votes on its first connection; one address casts at most VOTE_RATE_LIMIT_PER_IP_HOUR votes over every channel', async () => {
    const before = (await webVotes()).length;
    const answers: string[] = [];
    for (let batch = 0; batch < 2; batch += 1) {
      const connected = await Promise.all(Array.from({ length: 15 }, () => connect({ keepCookies: true })));
      const outcomes = await Promise.all(connected.map((socket) => ask(socket, '我投柘荣县')));
      answers.push(...outcomes.map((outcome) => outcome.done?.answer ?? outcome.error!.message));
      for (const socket of connected) socket.disconnect();
    }
    const accepted = answers.filter((answer) => answer.includes('已为您投给')).length;
    process.stdout.write(`30 browser-like socket voters from one address: ${accepted} accepted (limit ${votesPerAddressPerHour}/hour)\n`);
    expect(accepted).toBe(votesPerAddressPerHour - before);
    expect(answers.filter((answer) => answer.includes('这个网络投票太频繁了'))).toHaveLength(30 - accepted);
    expect(await webVotes()).toHaveLength(votesPerAddressPerHour);

    // The vote button shares the throttle: a new visitor from the same address is refused too.
    const visitor = cookieOf(await fetch(`${served.url}/api/polls/current`))!;
    const button = await fetch(`${served.url}/api/polls/${pollId}/votes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: visitor },
      body: JSON.stringify({ unitId: 'zrx' }),
    });
    expect(button.status).toBe(429);
    expect(await webVotes()).toHaveLength(votesPerAddressPerHour);
  });
});

describe('socket.io /chat is rate-limited per address across connections', () => {
  it('counts connections and messages of one address together and says so in Chinese', async () => {
    const testApp = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '6', VECTOR_STORE: 'off' });
    const served = await testApp.listen();
    const sockets: Socket[] = [];
    try {
      const open = () => {
        const socket = io(`${served.url}/chat`, { forceNew: true, reconnection: false, withCredentials: true });
        sockets.push(socket);
        return new Promise<{ socket: Socket; error?: { code: string; message: string } }>((resolve) => {
          socket.once('ready', () => resolve({ socket }));
          socket.once('error', (error: { code: string; message: string }) => resolve({ socket, error }));
        });
      };
      // Two connections and four messages: six events, all within the limit.
      const first = await open();
      const second = await open();
      expect([first.error, second.error]).toEqual([undefined, undefined]);
      const outcomes = [];
      for (const socket of [first.socket, second.socket, first.socket, second.socket, first.socket])
        outcomes.push(await ask(socket, '你好'));
      expect(outcomes.slice(0, 4).every((outcome) => outcome.done)).toBe(true);
      expect(outcomes[4]!.error).toEqual({ code: 'RATE_LIMITED', message: '这个网络发消息太频繁了，请稍等一会儿再试。' });
      // A new connection from that address is refused as well, in the same words.
      expect((await open()).error).toEqual({ code: 'RATE_LIMITED', message: '这个网络发消息太频繁了，请稍等一会儿再试。' });
    } finally {
      for (const socket of sockets) socket.disconnect();
      await served.close();
      await testApp.close();
    }
  });
});
