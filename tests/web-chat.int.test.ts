import path from 'node:path';
import request from 'supertest';
import { ask, connectChat, visitorCookie } from './support/chat-client';
import { createTestApp } from './support/test-app';

describe('web chat over socket.io /chat (real app, real client)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  const sockets: { disconnect(): unknown }[] = [];
  const connect = async (...args: Parameters<typeof connectChat>) => {
    const connection = await connectChat(...args);
    sockets.push(connection.socket);
    return connection;
  };

  beforeAll(async () => {
    testApp = await createTestApp({ VECTOR_STORE: 'off' }, { knowledge: true, demoData: true });
    await testApp.knowledge!.ingester.ingestPaths([path.resolve(__dirname, '../data/demo/knowledge/laws')]);
    served = await testApp.listen();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await served.close();
    await testApp.close();
  });

  it('streams a cited policy answer, and a reconnect resumes the conversation', async () => {
    const cookie = await visitorCookie(served.url);
    const first = await connect(served.url, cookie);
    expect(first.ready).toEqual({ conversationId: null, messages: [] });

    const answer = await ask(first.socket, '住房公积金在什么情况下可以提取？');
    expect(answer.error).toBeUndefined();
    expect(answer.deltas.length).toBeGreaterThan(1);
    expect(answer.deltas.join('')).toBe(answer.done!.answer);
    expect(answer.done!.answer).toContain('[1]');
    expect(answer.done!.sources[0]).toMatchObject({ title: expect.stringContaining('住房公积金'), excerpt: expect.any(String) });
    expect(answer.done!.refused).toBe(false);
    const { conversationId } = answer.done!;
    first.socket.disconnect();

    const again = await connect(served.url, cookie, { conversationId });
    expect(again.ready.conversationId).toBe(conversationId);
    expect(again.ready.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(again.ready.messages[0]!.content).toBe('住房公积金在什么情况下可以提取？');
    const followUp = await ask(again.socket, '你好');
    expect(followUp.done!.conversationId).toBe(conversationId);
    const stored = await testApp.services.repositories.conversations.lastMessages(conversationId, 10);
    expect(stored).toHaveLength(4);
  });

  it('shares the identity with the REST API cookie and ignores identities the client claims', async () => {
    const owner = await visitorCookie(served.url);
    const first = await connect(served.url, owner);
    const { conversationId } = (await ask(first.socket, '你好')).done!;

    // Someone else naming that conversation (and claiming to be its owner) starts fresh instead.
    const restCookie = (await request(served.url).get('/api/health')).headers['set-cookie']![0]!.split(';')[0]!;
    const stranger = await connect(served.url, restCookie, { conversationId, userId: 'whoever', channel: 'web' });
    expect(stranger.ready).toEqual({ conversationId: null, messages: [] });
    const strangerAnswer = await ask(stranger.socket, '你好');
    expect(strangerAnswer.done!.conversationId).not.toBe(conversationId);

    // A forged cookie value is not an identity: the server issues a fresh one on the handshake.
    const forged = await connect(served.url, 'xn_voter=s%3Av_AAAAAAAAAAAAAAAAAAAAAA.forged', { conversationId });
    expect(forged.ready.conversationId).toBeNull();
  });

  it('an unsigned cookie naming another visitor’s id is no identity: their conversation is not resumed', async () => {
    const owner = await visitorCookie(served.url);
    const first = await connect(served.url, owner);
    const { conversationId } = (await ask(first.socket, '住房公积金在什么情况下可以提取？')).done!;
    // The owner's id, as anyone who saw the cookie (or a log line with the id) would know it: s:<id>.<signature>.
    const ownerId = /^s:(v_[A-Za-z0-9_-]{22})\./.exec(decodeURIComponent(owner.split('=')[1]!))![1]!;

    const unsigned = await connect(served.url, `xn_voter=${ownerId}`, { conversationId });
    expect(unsigned.ready).toEqual({ conversationId: null, messages: [] });
    const answer = await ask(unsigned.socket, '你好');
    expect(answer.done!.conversationId).not.toBe(conversationId);
    expect(await testApp.services.repositories.conversations.lastMessages(conversationId, 10)).toHaveLength(2);
  });

  it('answers bad messages with Chinese errors and keeps the socket usable', async () => {
    const { socket } = await connect(served.url, await visitorCookie(served.url));
    expect((await ask(socket, { text: 42 })).error).toEqual({ code: 'VALIDATION_FAILED', message: '消息格式不对，请重新输入。' });
    expect((await ask(socket, '   ')).error?.message).toBe('请输入您想问的问题。');
    expect((await ask(socket, '问'.repeat(501))).error).toEqual({ code: 'VALIDATION_FAILED', message: '问题太长了，请控制在500字以内。' });
    expect((await ask(socket, '你好')).done?.answer).toEqual(expect.any(String));
  });

  it('drops a socket that sends an oversized packet, and the service keeps answering', async () => {
    const { socket } = await connect(served.url, await visitorCookie(served.url));
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('message', { text: '问'.repeat(40_000) });
    expect(await dropped).toEqual(expect.any(String));
    const next = await connect(served.url, await visitorCookie(served.url));
    expect((await ask(next.socket, '你好')).done?.answer).toEqual(expect.any(String));
  });

  it('refuses handshakes from pages of other sites (CORS does not cover WebSockets), accepts its own pages', async () => {
    const handshake = (origin: string) =>
      fetch(`${served.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: origin } }).then((response) => response.status);
    expect(await handshake('http://evil.example')).toBe(403);
    expect(await handshake(served.url)).toBe(200);
  });

  it('limits how fast one visitor can send, in Chinese', async () => {
    const { socket } = await connect(served.url, await visitorCookie(served.url));
    const outcomes = [];
    for (let index = 0; index < 14; index += 1) outcomes.push(await ask(socket, `你好${index}`));
    const limited = outcomes.filter((outcome) => outcome.error?.code === 'RATE_LIMITED');
    expect(outcomes.filter((outcome) => outcome.done)).toHaveLength(12);
    expect(limited).toHaveLength(2);
    expect(limited[0]!.error!.message).toBe('您发得太快了，请稍等一会儿再问。');
  });

  it('counts malformed messages toward the limit too', async () => {
    const { socket } = await connect(served.url, await visitorCookie(served.url));
    const outcomes = [];
    for (let index = 0; index < 13; index += 1) outcomes.push(await ask(socket, { text: index }));
    expect(outcomes.slice(0, 12).every((outcome) => outcome.error?.code === 'VALIDATION_FAILED')).toBe(true);
    expect(outcomes[12]!.error?.code).toBe('RATE_LIMITED');
  });
});
