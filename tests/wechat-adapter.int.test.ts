import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { XiaoningResult } from '../bot';
import { errorHandler } from '../server/errors';
import { startFakeWechatServer, type FakeWechatServer } from './fakes/fake-wechat-server';
import { postWechat, readReply, replyText, signedQuery, textMessageXml, type WechatSecrets } from './support/wechat-client';
import { channelAdapterContract } from '../channels/channel-adapter.contract';
import type { InboundMessage } from '../channels/types';
import { createWechatAdapter, type WechatAdapterDependencies } from '../channels/wechat/wechat-adapter';
import { createWechatApiClient } from '../channels/wechat/wechat-api-client';

const appId = 'wxb11529c136998cb6';
const appSecret = 'fake-app-secret';
const plain: WechatSecrets = { token: 'xiaoningtoken' };
const safe: WechatSecrets = { token: 'xiaoningtoken', appId, encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' };
const silentLogger = { warn: () => undefined, error: () => undefined };
// Keywords are tested with the real data in tests/wechat.int.test.ts; here every text goes to the handler.
const noShortcuts: WechatAdapterDependencies['shortcuts'] = {
  answer: () => undefined,
  previews: async () => ({ type: 'text', content: '预告' }),
  results: async () => ({ type: 'text', content: '结果' }),
};

const resultFor = (message: InboundMessage, answer: string): XiaoningResult => ({
  conversationId: message.conversationId ?? 'c-wechat',
  answer,
  sources: [],
  toolCalls: [],
  suggestions: [],
  refused: false,
  pages: [],
});

/** The adapter's router on a real HTTP server, with the app's error handler, and a fake WeChat API. */
async function startHarness(secrets: WechatSecrets, overrides: Partial<WechatAdapterDependencies> = {}) {
  const wechatApi = await startFakeWechatServer({ appId, appSecret });
  const adapter = createWechatAdapter({
    token: secrets.token,
    appId: secrets.appId,
    encodingAesKey: secrets.encodingAesKey,
    api: createWechatApiClient({ apiBase: wechatApi.apiBase, appId, appSecret }),
    shortcuts: noShortcuts,
    logger: silentLogger,
    ...overrides,
  });
  const app = express();
  app.use('/wechat', adapter.router);
  app.use(errorHandler);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat`;
  return {
    adapter,
    url,
    wechatApi,
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await wechatApi.close();
    },
  };
}

/** What the person reads: the passive reply, or else the customer-service message sent to them. */
async function sendAndRead(url: string, wechatApi: FakeWechatServer, secrets: WechatSecrets, openid: string, text: string) {
  const before = wechatApi.messages.length;
  const response = await postWechat(url, textMessageXml(openid, text), secrets);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.body}`);
  if (response.body !== 'success') return replyText(readReply(response.body, secrets));
  const messages = await wechatApi.waitForMessages(before + 1);
  const message = messages.slice(before).find((each) => each.body.touser === openid);
  return message?.body.text?.content ?? '';
}

for (const [mode, secrets] of [
  ['plaintext', plain],
  ['safe mode', safe],
] as const) {
  channelAdapterContract(`WeChat Official Account (${mode}, signed XML over HTTP)`, async () => {
    const harness = await startHarness(secrets);
    return {
      adapter: harness.adapter,
      send: (who, text) => sendAndRead(harness.url, harness.wechatApi, secrets, `o-${who}`, text),
      close: harness.close,
    };
  });
}

describe('WeChat adapter: answers that take longer than the passive-reply window', () => {
  it('answers "success" at once and delivers through the customer-service API, refreshing a token WeChat rejected (40001)', async () => {
    const harness = await startHarness(safe, { replyDeadlineMs: 50 });
    try {
      await harness.adapter.start(async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await message.reply.done(resultFor(message, `慢慢答：${message.text}`));
      });
      const first = await postWechat(harness.url, textMessageXml('o-slow', '第一个问题'), safe);
      expect(first).toEqual({ status: 200, body: 'success' });
      await harness.wechatApi.waitForMessages(1);
      expect(harness.wechatApi.tokenRequests).toHaveLength(1);

      // Another server of the account fetched a new token: WeChat now rejects ours once.
      harness.wechatApi.failNextSend(40001);
      const startedAt = Date.now();
      const second = await postWechat(harness.url, textMessageXml('o-slow', '第二个问题'), safe);
      expect(second.body).toBe('success');
      expect(Date.now() - startedAt).toBeLessThan(250);
      const messages = await harness.wechatApi.waitForMessages(2);
      expect(messages.map((message) => message.body)).toEqual([
        { touser: 'o-slow', msgtype: 'text', text: { content: '慢慢答：第一个问题' } },
        { touser: 'o-slow', msgtype: 'text', text: { content: '慢慢答：第二个问题' } },
      ]);
      expect(harness.wechatApi.sendAttempts.map((attempt) => attempt.errcode)).toEqual([0, 40001, 0]);
      expect(harness.wechatApi.tokenRequests).toHaveLength(2);
      expect(messages[1]!.accessToken).toBe('fake-access-token-2');
    } finally {
      await harness.close();
    }
  });

  it('when WeChat hangs up before the passive reply is ready, the answer goes through customer service', async () => {
    const harness = await startHarness(plain);
    try {
      await harness.adapter.start(async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await message.reply.done(resultFor(message, '连接断了也要送到'));
      });
      const query = signedQuery(plain.token);
      const hangUp = AbortSignal.timeout(50);
      await expect(
        fetch(`${harness.url}?${query}`, {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml' },
          body: textMessageXml('o-gone', '你好'),
          signal: hangUp,
        }),
      ).rejects.toThrow();
      const [message] = await harness.wechatApi.waitForMessages(1);
      expect(message!.body).toEqual({ touser: 'o-gone', msgtype: 'text', text: { content: '连接断了也要送到' } });
    } finally {
      await harness.close();
    }
  });

  it('a retry storm (the same MsgId three times while the first is running) runs the agent once and delivers one answer', async () => {
    const harness = await startHarness(plain, { replyDeadlineMs: 50 });
    const runs: InboundMessage[] = [];
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      await harness.adapter.start(async (message) => {
        runs.push(message);
        await released;
        await message.reply.done(resultFor(message, '只答一次'));
      });
      const xml = textMessageXml('o-storm', '保障房怎么申请？', '24599999999999001');
      const first = postWechat(harness.url, xml, plain);
      expect((await first).body).toBe('success');
      // WeChat retries while the first is still being answered (the agent has not finished).
      const retries = await Promise.all([
        postWechat(harness.url, xml, plain),
        postWechat(harness.url, xml, plain),
        postWechat(harness.url, xml, plain),
      ]);
      expect(retries.map((retry) => retry.body)).toEqual(['success', 'success', 'success']);
      release();
      await harness.wechatApi.waitForMessages(1);
      // Give a wrongly duplicated delivery time to show up.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(runs).toHaveLength(1);
      expect(harness.wechatApi.messages).toHaveLength(1);
      expect(harness.wechatApi.messages[0]!.body.text?.content).toBe('只答一次');
    } finally {
      await harness.close();
    }
  });

  it('retries arriving while a fast answer is being written get "success", the first gets the one passive reply', async () => {
    const harness = await startHarness(plain);
    let runs = 0;
    try {
      await harness.adapter.start(async (message) => {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
        await message.reply.done(resultFor(message, '很快答复'));
      });
      const xml = textMessageXml('o-fast', '下周谁接线？', '24599999999999002');
      const responses = await Promise.all(
        [0, 20, 40].map(async (delay) => {
          await new Promise((resolve) => setTimeout(resolve, delay));
          return postWechat(harness.url, xml, plain);
        }),
      );
      const passive = responses.filter((response) => response.body !== 'success');
      expect(passive).toHaveLength(1);
      expect(replyText(readReply(passive[0]!.body, plain))).toBe('很快答复');
      expect(runs).toBe(1);
      expect(harness.wechatApi.messages).toHaveLength(0);
    } finally {
      await harness.close();
    }
  });

  it('one person’s messages are answered in order, each continuing the conversation the previous one left', async () => {
    const conversations = new Map<string, string>();
    const harness = await startHarness(plain, { findConversation: async (openid) => conversations.get(openid) });
    const seen: (string | undefined)[] = [];
    try {
      await harness.adapter.start(async (message) => {
        seen.push(message.conversationId);
        await new Promise((resolve) => setTimeout(resolve, 30));
        conversations.set(message.userId, 'c-1');
        await message.reply.done(resultFor(message, message.text));
      });
      const replies = await Promise.all(['一', '二', '三'].map((text) => postWechat(harness.url, textMessageXml('o-order', text), plain)));
      expect(replies.map((reply) => replyText(readReply(reply.body, plain)))).toEqual(['一', '二', '三']);
      expect(seen).toEqual([undefined, 'c-1', 'c-1']);
    } finally {
      await harness.close();
    }
  });
});
