import request from 'supertest';
import { createUserAccount } from '../server/auth/user-accounts';
import { ask, connectChat, visitorCookie } from './support/chat-client';
import { createTestApp } from './support/test-app';

jest.setTimeout(120_000);

const refusal = '这项功能只对接线工作人员开放';
const elevatorCall = '我们小区电梯坏了一个多月了物业一直不修，老人上下楼很困难';

/** Xiaoning for officials (issue 16 item 6): the role comes from the login session, over a real socket.io client. */
describe('Xiaoning’s officials’ tools over socket.io /chat (real app, real HTTP login)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  const password = 'officials-chat-pass-9';
  const sockets: { disconnect(): unknown }[] = [];

  const login = async (username: string) => {
    const response = await request(served.url).post('/api/auth/login').send({ username, password }).expect(200);
    return {
      cookie: /xn_session=[^;]+/.exec(String(response.headers['set-cookie']))![0],
      csrf: (response.body as { csrfToken: string }).csrfToken,
    };
  };
  /** A browser that signed in: the visitor cookie of the chat and the session cookie of the login. */
  const connectAs = async (username?: string) => {
    const session = username ? await login(username) : undefined;
    const cookie = [await visitorCookie(served.url), session?.cookie].filter(Boolean).join('; ');
    const connection = await connectChat(served.url, cookie);
    sockets.push(connection.socket);
    return { ...connection, session };
  };

  beforeAll(async () => {
    testApp = await createTestApp({ VECTOR_STORE: 'off' }, { demoData: true });
    const { repositories } = testApp.services;
    await createUserAccount(repositories, { username: 'zjj-chat', password, role: 'official', unitId: 'zjj' }, 'test');
    await createUserAccount(repositories, { username: 'admin-chat', password, role: 'admin' }, 'test');
    await createUserAccount(repositories, { username: 'citizen-chat', password, role: 'citizen' }, 'test');
    served = await testApp.listen();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await served?.close();
    await testApp?.close();
  });

  it('an official asks for 本单位最近的热点: the housing bureau’s topics within its duties', async () => {
    const { socket } = await connectAs('zjj-chat');
    const answer = (await ask(socket, '本单位最近的热点')).done!;
    expect(answer.answer).toContain('宁德市住房和城乡建设局');
    expect(answer.answer).toContain('高频诉求');
    expect(answer.answer).toMatch(/1\. .+（\d+件）：/);
    expect(answer.answer).not.toContain('住房公积金');
    expect(answer.refused).toBe(false);
  });

  it('帮我分析：… runs the call assistant; 这个问题以前怎么处理的？ uses the console’s 来电内容, or asks for it', async () => {
    const { socket } = await connectAs('zjj-chat');
    const analysed = (await ask(socket, `帮我分析：${elevatorCall}`)).done!.answer;
    expect(analysed).toMatch(/^来电摘要：/);
    expect(analysed).toContain('相似案例');
    expect(analysed).toMatch(/类别：\S+/);

    const withCall = (await ask(socket, { text: '这个问题以前怎么处理的？', callText: elevatorCall })).done!.answer;
    expect(withCall).toMatch(/^来电摘要：/);
    // Asked how it was handled: the past cases come before the policy basis.
    expect(withCall.indexOf('相似案例')).toBeLessThan(withCall.indexOf('政策依据'));

    const without = (await ask(socket, '这个问题以前怎么处理的？')).done!.answer;
    expect(without).toContain('请先把来电内容告诉我');
  });

  it('an administrator names the unit; an official asking for another unit is kept to their own', async () => {
    const admin = await connectAs('admin-chat');
    expect((await ask(admin.socket, '本单位最近的热点')).done!.answer).toContain('请告诉我要看哪个单位');
    const official = await connectAs('zjj-chat');
    expect((await ask(official.socket, '本单位最近的热点')).done!.answer).toContain('宁德市住房和城乡建设局');
  });

  it('a citizen account, an anonymous visitor and a client claiming a role are refused politely', async () => {
    for (const username of ['citizen-chat', undefined]) {
      const { socket } = await connectAs(username);
      for (const question of ['本单位最近的热点', `帮我分析：${elevatorCall}`, '这个问题以前怎么处理的？']) {
        const outcome = await ask(socket, { text: question, callText: elevatorCall });
        expect(outcome.error).toBeUndefined();
        expect(outcome.done!.answer).toContain(refusal);
        expect(outcome.done!.answer).not.toContain('相似案例');
      }
    }
    const { socket } = await connectAs();
    const claimed = await ask(socket, { text: '本单位最近的热点', role: 'official', unitId: 'zjj' });
    expect(claimed.done!.answer).toContain(refusal);
    // A forged session cookie is no session.
    const forged = await connectChat(served.url, `${await visitorCookie(served.url)}; xn_session=forged-token`);
    sockets.push(forged.socket);
    expect((await ask(forged.socket, '本单位最近的热点')).done!.answer).toContain(refusal);
  });

  it('a logout takes effect on the open chat at once', async () => {
    const { socket, session } = await connectAs('zjj-chat');
    expect((await ask(socket, '本单位最近的热点')).done!.answer).toContain('高频诉求');
    await request(served.url).post('/api/auth/logout').set('cookie', session!.cookie).set('x-csrf-token', session!.csrf).expect(200);
    expect((await ask(socket, '本单位最近的热点')).done!.answer).toContain(refusal);
  });
});
