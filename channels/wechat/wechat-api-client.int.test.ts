import { startFakeWechatServer, type FakeWechatServer } from '../../tests/fakes/fake-wechat-server';
import { createWechatApiClient } from './wechat-api-client';

describe('WeChat API client against a fake WeChat server', () => {
  let wechatApi: FakeWechatServer;
  beforeEach(async () => {
    wechatApi = await startFakeWechatServer({ appId: 'wx-app', appSecret: 'secret' });
  });
  afterEach(() => wechatApi.close());

  const text = (content: string) => ({ type: 'text' as const, content });

  it('fetches one token for concurrent callers and keeps it until shortly before it expires', async () => {
    let time = 0;
    const client = createWechatApiClient({ apiBase: wechatApi.apiBase, appId: 'wx-app', appSecret: 'secret', now: () => time });
    await Promise.all([client.sendCustomerServiceMessage('o1', text('一')), client.sendCustomerServiceMessage('o2', text('二'))]);
    expect(wechatApi.tokenRequests).toEqual([{ appid: 'wx-app', secretValid: true }]);
    time = (7200 - 301) * 1000;
    await client.sendCustomerServiceMessage('o1', text('三'));
    expect(wechatApi.tokenRequests).toHaveLength(1);
    time = (7200 - 299) * 1000;
    await client.sendCustomerServiceMessage('o1', text('四'));
    expect(wechatApi.tokenRequests).toHaveLength(2);
    expect(wechatApi.messages.map((message) => message.body.text?.content)).toEqual(['一', '二', '三', '四']);
  });

  it.each([40001, 42001])('refreshes the token once and retries after errcode %d', async (errcode) => {
    const client = createWechatApiClient({ apiBase: wechatApi.apiBase, appId: 'wx-app', appSecret: 'secret' });
    wechatApi.failNextSend(errcode);
    await client.sendCustomerServiceMessage('o1', text('你好'));
    expect(wechatApi.sendAttempts.map((attempt) => attempt.errcode)).toEqual([errcode, 0]);
    expect(wechatApi.tokenRequests).toHaveLength(2);
  });

  it('gives up after one refresh, and on other errors, with the errcode', async () => {
    const client = createWechatApiClient({ apiBase: wechatApi.apiBase, appId: 'wx-app', appSecret: 'secret' });
    wechatApi.failNextSend(40001);
    wechatApi.failNextSend(40001);
    await expect(client.sendCustomerServiceMessage('o1', text('你好'))).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      details: { errcode: 40001 },
    });
    wechatApi.failNextSend(45015);
    await expect(client.sendCustomerServiceMessage('o1', text('你好'))).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      details: { errcode: 45015 },
    });
  });

  it('sends a preview as one news article', async () => {
    const client = createWechatApiClient({ apiBase: wechatApi.apiBase, appId: 'wx-app', appSecret: 'secret' });
    await client.sendCustomerServiceMessage('o1', { type: 'news', article: { title: '领导接线预告', description: '住建局' } });
    expect(wechatApi.messages[0]!.body).toEqual({
      touser: 'o1',
      msgtype: 'news',
      news: { articles: [{ title: '领导接线预告', description: '住建局', url: '', picurl: '' }] },
    });
  });

  it('reports a wrong secret without putting the secret in the message', async () => {
    const client = createWechatApiClient({ apiBase: wechatApi.apiBase, appId: 'wx-app', appSecret: 'wrong-secret' });
    const failure: unknown = await client.sendCustomerServiceMessage('o1', text('你好')).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'UPSTREAM_ERROR', details: { reason: expect.stringMatching(/access_token refused/) } });
    expect((failure as Error).message).not.toMatch(/wrong-secret/);
    expect(JSON.stringify((failure as { details: unknown }).details)).not.toMatch(/wrong-secret/);
  });

  it('fails fast when WeChat cannot be reached', async () => {
    const client = createWechatApiClient({ apiBase: 'http://127.0.0.1:9', appId: 'wx-app', appSecret: 'secret' });
    await expect(client.sendCustomerServiceMessage('o1', text('你好'))).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      details: { reason: expect.stringMatching(/unreachable/) },
    });
  });
});
