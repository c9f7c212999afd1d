import request from 'supertest';
import { ask, connectChat, visitorCookie } from './support/chat-client';
import { createTestApp } from './support/test-app';

/** A citizen's message with personal data that must never reach the log, whatever happens to it. */
const personalMessage = '我的电话13812345678，身份证350902199001011234，小区停水三天了\u0000';

describe('NUL and other control characters in any text input', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    testApp = await createTestApp({ VECTOR_STORE: 'off' }, { demoData: true });
    served = await testApp.listen();
  });
  afterAll(async () => {
    await served.close();
    await testApp.close();
  });

  const expectRejected = (response: request.Response) => {
    expect({ status: response.status, body: response.body }).toEqual({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/[\u4e00-\u9fff]/) } },
    });
  };

  test('a query string with NUL gets 400, not 500', async () => {
    expectRejected(await request(testApp.app).get('/api/appeals?q=a%00b'));
    expectRejected(await request(testApp.app).get('/api/knowledge/search?q=%01'));
  });

  test('a path parameter with NUL gets 400, not 500', async () => {
    expectRejected(await request(testApp.app).get('/api/units/%00'));
    expectRejected(await request(testApp.app).get('/api/appeals/abc%00'));
  });

  test('a JSON body with NUL gets 400, and the personal data in it is not logged', async () => {
    expectRejected(await request(testApp.app).post('/api/chat').send({ message: personalMessage }));
    expectRejected(await request(testApp.app).post('/api/auth/login').send({ username: 'ad\u0000min', password: 'whatever-password' }));
    expectRejected(await request(testApp.app).post('/api/chat').send({ message: '你好\u001b[31m' }));
    expect(testApp.logs.text()).not.toMatch(/13812345678|350902199001011234/);
    expect(testApp.logs.text()).not.toContain('"level":50');
  });

  test('tabs and line breaks are ordinary text', async () => {
    const response = await request(testApp.app).post('/api/chat').send({ message: '你好\r\n\t小宁' });
    expect(response.status).toBe(200);
  });

  test('a socket.io chat message or resumed conversation id with NUL gets a Chinese validation error, not a failure', async () => {
    const cookie = await visitorCookie(served.url);
    const { socket, ready } = await connectChat(served.url, cookie, { conversationId: 'abc\u0000' });
    try {
      expect(ready).toEqual({ conversationId: null, messages: [] });
      const outcome = await ask(socket, personalMessage);
      expect(outcome.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    } finally {
      socket.disconnect();
    }
    expect(testApp.logs.text()).not.toMatch(/13812345678|350902199001011234/);
    expect(testApp.logs.text()).not.toContain('"level":50');
  });
});
