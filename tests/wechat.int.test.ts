import { and, eq } from 'drizzle-orm';
import path from 'node:path';
import request from 'supertest';
import { createWechatCipher } from '../channels/wechat/wechat-cipher';
import { wechatTexts } from '../channels/wechat/wechat-texts';
import { somethingWentWrong } from '../common';
import { votes } from '../storage/schema';
import { conversations } from '../storage/schema';
import { startFakeWechatServer, type FakeWechatServer } from './fakes/fake-wechat-server';
import { createTestApp } from './support/test-app';
import {
  cryptoVectors,
  postWechat,
  readReply,
  replyText,
  signedQuery,
  textMessageXml,
  wechatFixture,
  wechatMessageXml,
  type WechatSecrets,
} from './support/wechat-client';

const vectors = cryptoVectors().request;
const secrets: WechatSecrets = { token: vectors.token, appId: vectors.appId, encodingAesKey: vectors.encodingAESKey };
const plain: WechatSecrets = { token: vectors.token };
const appSecret = 'fake-app-secret';

describe('WeChat Official Account at /wechat (the real app, demo data, fake WeChat API)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let server: Awaited<ReturnType<Awaited<ReturnType<typeof createTestApp>>['listen']>>;
  let wechatApi: FakeWechatServer;
  let url: string;

  beforeAll(async () => {
    wechatApi = await startFakeWechatServer({ appId: vectors.appId, appSecret });
    testApp = await createTestApp(
      {
        WECHAT_TOKEN: vectors.token,
        WECHAT_APP_ID: vectors.appId,
        WECHAT_APP_SECRET: appSecret,
        WECHAT_ENCODING_AES_KEY: vectors.encodingAESKey,
        WECHAT_API_BASE: wechatApi.apiBase,
        VECTOR_STORE: 'off',
      },
      { demoData: true, knowledge: true },
    );
    await testApp.knowledge!.ingester.ingestPaths([path.resolve(__dirname, '../data/demo/knowledge/laws')]);
    server = await testApp.listen();
    url = `${server.url}/wechat`;
  });
  afterAll(async () => {
    await server?.close();
    await testApp?.close();
    await wechatApi?.close();
  });

  // The app runs in safe mode, as WeChat is configured in production: messages come encrypted.
  const post = async (xml: string, how: WechatSecrets = secrets) => {
    const response = await postWechat(url, xml, how);
    expect(response.status).toBe(200);
    return readReply(response.body, how);
  };

  describe('URL verification', () => {
    it('echoes echostr when the signature is right', async () => {
      const response = await request(testApp.app).get(`/wechat?${signedQuery(vectors.token, { echostr: '5837397520' })}`);
      expect(response.status).toBe(200);
      expect(response.text).toBe('5837397520');
    });

    it('decrypts an encrypted echostr after checking msg_signature', async () => {
      const echostr = createWechatCipher({ encodingAesKey: vectors.encodingAESKey, appId: vectors.appId }).encrypt('echo-4711');
      const query = new URLSearchParams(signedQuery(vectors.token, { echostr, encrypt: echostr }));
      const response = await request(testApp.app).get(`/wechat?${query}`);
      expect(response.text).toBe('echo-4711');
      query.set('msg_signature', '0'.repeat(40));
      expect((await request(testApp.app).get(`/wechat?${query}`)).status).toBe(403);
    });

    it('refuses a wrong signature (403) and missing parameters (400) without echoing anything', async () => {
      const query = new URLSearchParams(signedQuery(vectors.token, { echostr: 'abc' }));
      query.set('signature', 'f'.repeat(40));
      const forged = await request(testApp.app).get(`/wechat?${query}`);
      expect(forged.status).toBe(403);
      expect(forged.text).not.toContain('abc');
      expect((await request(testApp.app).get('/wechat?echostr=abc')).status).toBe(400);
      expect((await request(testApp.app).get(`/wechat?${signedQuery(vectors.token)}`)).status).toBe(400);
    });
  });

  describe('messages', () => {
    it('answers a policy question in safe mode with the cited sources under it, within WeChat’s text limit', async () => {
      const reply = await post(textMessageXml('oPolicyAsker', '住房公积金在什么情况下可以提取？'), secrets);
      const content = String(reply.Content);
      expect(reply.MsgType).toBe('text');
      expect(content).toContain('[1]');
      expect(content).toMatch(/出处：\n\[1\] 《住房公积金管理条例/);
      expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    });

    it('answers danger happening now with the emergency numbers and the safe action first (issue 13)', async () => {
      const content = String((await post(textMessageXml('oGasLeak', '家里燃气泄漏了怎么办'), secrets)).Content);
      expect(content.startsWith('紧急情况请立即拨打：火警119，报警110，急救120。')).toBe(true);
      expect(content).toContain('燃气公司');
    });

    it('plaintext round trip (an account without EncodingAESKey): text.xml gets a passive text reply from Xiaoning', async () => {
      const plaintextApp = await createTestApp({ WECHAT_TOKEN: vectors.token }, { demoData: true });
      try {
        const served = await plaintextApp.listen();
        const reply = readReply((await postWechat(`${served.url}/wechat`, wechatFixture('text.xml'), plain)).body, plain);
        await served.close();
        expect(reply).toMatchObject({ ToUserName: 'oNingdeCitizen001', FromUserName: 'gh_ningde12345', MsgType: 'text' });
        // Xiaoning's own answer to 保障房的申请条件是什么？ (no housing policy in that app's knowledge: a kind refusal), not an apology.
        expect(reply.Content).not.toBe(somethingWentWrong);
        expect(String(reply.Content)).toMatch(/12345|保障/);
      } finally {
        await plaintextApp.close();
      }
    });

    it('refuses a plaintext body when safe mode is configured (the URL signature does not cover the body)', async () => {
      const response = await postWechat(url, textMessageXml('oPlaintextInSafeMode', '投票 1'), plain);
      expect(response.status).toBe(400);
      const { db } = testApp.services.database;
      expect(await db.select().from(conversations).where(eq(conversations.userId, 'oPlaintextInSafeMode'))).toHaveLength(0);
      expect(await db.select().from(votes).where(eq(votes.voterId, 'wechat:oPlaintextInSafeMode'))).toHaveLength(0);
    });

    it('encrypted round trip: the fixture request (decrypting to text.xml) gets an encrypted, signed reply', async () => {
      // Same MsgId as the plaintext fixture: a fresh app would answer it; here it must count as a retry.
      // The fixture was signed at a fixed time: the app's WeChat clock is set to just after it.
      const fresh = await createTestApp(
        { WECHAT_TOKEN: vectors.token, WECHAT_APP_ID: vectors.appId, WECHAT_ENCODING_AES_KEY: vectors.encodingAESKey },
        { wechatNow: () => Number(vectors.timestamp) * 1000 + 2000 },
      );
      try {
        const query = new URLSearchParams({
          signature: vectors.signature,
          timestamp: vectors.timestamp,
          nonce: vectors.nonce,
          encrypt_type: 'aes',
          msg_signature: vectors.msgSignature,
        });
        const body = `<xml><ToUserName><![CDATA[gh_ningde12345]]></ToUserName><Encrypt><![CDATA[${vectors.encrypt}]]></Encrypt></xml>`;
        const response = await request(fresh.app).post(`/wechat?${query}`).set('Content-Type', 'text/xml').send(body);
        expect(response.status).toBe(200);
        expect(response.text).toMatch(/^<xml><Encrypt>/);
        expect(response.text).not.toContain('oNingdeCitizen001');
        const reply = readReply(response.text, secrets);
        expect(reply).toMatchObject({ ToUserName: 'oNingdeCitizen001', FromUserName: 'gh_ningde12345', MsgType: 'text' });
        expect(reply.Content).not.toBe(somethingWentWrong);
        expect(String(reply.Content)).toMatch(/12345|保障/);
      } finally {
        await fresh.close();
      }
    });

    it('the same fixture posted again (a WeChat retry) is acknowledged with "success" and not answered twice', async () => {
      const first = await post(wechatFixture('text.xml'));
      expect(first.MsgType).toBe('text');
      const response = await postWechat(url, wechatFixture('text.xml'), secrets);
      expect(response).toEqual({ status: 200, body: 'success' });
    });

    it('dedupes an event by sender, time, event and key: a retried subscribe is welcomed once, two taps in one second both answered', async () => {
      const event = (Event: string, EventKey?: string) =>
        wechatMessageXml({
          ToUserName: 'gh_ningde12345',
          FromUserName: 'oTapper',
          CreateTime: 1732349999,
          MsgType: 'event',
          Event,
          ...(EventKey ? { EventKey } : {}),
        });
      expect(replyText(await post(event('subscribe')))).toContain('小宁');
      expect(await postWechat(url, event('subscribe'), secrets)).toEqual({ status: 200, body: 'success' });
      const results = replyText(await post(event('CLICK', 'POLL_RESULTS')));
      const previews = replyText(await post(event('CLICK', 'HOTLINE_PREVIEW')));
      expect(results).not.toBe(previews);
      expect(results.length).toBeGreaterThan(0);
      expect(previews.length).toBeGreaterThan(0);
    });

    it('voice uses WeChat’s Recognition text', async () => {
      const reply = await post(wechatFixture('voice.xml'), secrets);
      expect(reply.ToUserName).toBe('oNingdeCitizen002');
      expect(replyText(reply)).toMatch(/接线|预告|局/);
    });

    it('voice without recognised text asks the person to type instead', async () => {
      expect(replyText(await post(wechatFixture('voice-no-recognition.xml')))).toBe(wechatTexts.typeInstead);
    });

    it('subscribe gets a welcome that says what Xiaoning can do', async () => {
      const text = replyText(await post(wechatFixture('subscribe.xml')));
      for (const what of ['接线预告', '投票', '往期诉求', '统计', '政策']) expect(text).toContain(what);
    });

    it('the HOTLINE_PREVIEW menu click gets the previews as a news article', async () => {
      const reply = await post(wechatFixture('menu-click.xml'), secrets);
      expect(reply.MsgType).toBe('news');
      expect(replyText(reply)).toMatch(/^领导接线预告：[\s\S]*接线范围：[\s\S]*参与方式：/);
    });

    it('a text with control characters gets a Chinese reply, not an apology and an error in the log', async () => {
      for (const content of ['停水三天了，电话13812345678\u0000', '停水三天了&#1;']) {
        const reply = replyText(await post(textMessageXml('oControlCharacters', content)));
        expect(reply).toMatch(/无法识别的特殊字符/);
      }
      expect(testApp.logs.text()).not.toMatch(/13812345678/);
      const withControlSender = wechatMessageXml({
        ToUserName: 'gh_ningde12345',
        FromUserName: 'oSender\u0000',
        CreateTime: 1732345600,
        MsgType: 'text',
        Content: '你好',
        MsgId: '8800000000000000001',
      });
      expect((await postWechat(url, withControlSender, secrets)).status).toBe(400);
      expect(testApp.logs.lines.filter((line) => line.includes('"level":50'))).toEqual([]);
    });

    it('an image gets the polite "text or voice only" answer', async () => {
      expect(replyText(await post(wechatFixture('image.xml')))).toBe(wechatTexts.textOrVoiceOnly);
    });

    it('other events (unsubscribe, a menu link opened) get no reply', async () => {
      const base = { ToUserName: 'gh_ningde12345', FromUserName: 'oEvents', MsgType: 'event' };
      for (const [index, event] of ['unsubscribe', 'VIEW'].entries()) {
        const response = await postWechat(url, wechatMessageXml({ ...base, CreateTime: 1732345500 + index, Event: event }), secrets);
        expect(response).toEqual({ status: 200, body: 'success' });
      }
    });
  });

  describe('plaintext mode: the query string is all WeChat signs, so an old or used one must not be replayable', () => {
    let plaintextApp: Awaited<ReturnType<typeof createTestApp>>;
    let plainUrl: string;
    let closeServer: () => Promise<void>;
    beforeAll(async () => {
      plaintextApp = await createTestApp({ WECHAT_TOKEN: vectors.token }, { demoData: true });
      const served = await plaintextApp.listen();
      plainUrl = `${served.url}/wechat`;
      closeServer = served.close;
    });
    afterAll(async () => {
      await closeServer?.();
      await plaintextApp?.close();
    });
    const replayVotes = async (prefix: string) =>
      (await plaintextApp.services.database.db.select().from(votes)).filter((vote) => vote.voterId.startsWith(`wechat:${prefix}`));
    const postWith = (query: string, xml: string) =>
      fetch(`${plainUrl}?${query}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: xml });

    it('a signed query string a year old, replayed with 15 different senders of “投票 1”: 403 each, no vote', async () => {
      const yearAgo = String(Math.floor(Date.now() / 1000) - 365 * 24 * 60 * 60);
      const query = signedQuery(vectors.token, { timestamp: yearAgo, nonce: '2039182377' });
      const statuses = [];
      for (let index = 0; index < 15; index += 1)
        statuses.push((await postWith(query, textMessageXml(`oOldReplay${index}`, '投票 1'))).status);
      expect(await replayVotes('oOldReplay')).toHaveLength(0);
      expect(statuses).toEqual(Array(15).fill(403));
    });

    it('a fresh signed query string used once: replayed with 15 other senders it is refused (403); at most the first message counts', async () => {
      const query = signedQuery(vectors.token);
      const statuses = [];
      for (let index = 0; index < 15; index += 1)
        statuses.push((await postWith(query, textMessageXml(`oFreshReplay${index}`, '投票 1'))).status);
      expect(await replayVotes('oFreshReplay')).toHaveLength(1);
      expect(statuses).toEqual([200, ...Array(14).fill(403)]);
    });

    it('WeChat retrying one message with the same query string is still a retry: "success", not a 403', async () => {
      const query = signedQuery(vectors.token);
      const xml = textMessageXml('oRetried', '结果');
      expect((await postWith(query, xml)).status).toBe(200);
      const retry = await postWith(query, xml);
      expect({ status: retry.status, body: await retry.text() }).toEqual({ status: 200, body: 'success' });
    });

    it('URL verification is held to the same time window', async () => {
      const yearAgo = String(Math.floor(Date.now() / 1000) - 365 * 24 * 60 * 60);
      expect((await fetch(`${plainUrl}?${signedQuery(vectors.token, { echostr: 'e1', timestamp: yearAgo })}`)).status).toBe(403);
      expect(await (await fetch(`${plainUrl}?${signedQuery(vectors.token, { echostr: 'e2' })}`)).text()).toBe('e2');
    });
  });

  describe('keyword shortcuts', () => {
    it('预告 answers with a news article', async () => {
      const reply = await post(textMessageXml('oKeywords', '预告'));
      expect(reply.MsgType).toBe('news');
    });

    it('投票 2 casts exactly one vote for option 2, recorded with channel wechat; a second try is refused kindly', async () => {
      const list = replyText(await post(textMessageXml('oVoter', '结果')));
      const option2 = /\n2\. (.+?)：\d+票/.exec(list)?.[1];
      expect(option2).toBeDefined();
      const first = replyText(await post(textMessageXml('oVoter', '投票 2'), secrets));
      expect(first).toContain(`已为您投给“${option2}”`);
      const second = replyText(await post(textMessageXml('oVoter', '投票2')));
      expect(second).toContain('已参与本期投票');
      const { db } = testApp.services.database;
      const rows = await db.select().from(votes).where(eq(votes.voterId, 'wechat:oVoter'));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ channel: 'wechat', pollId: 'poll-demo-next-unit' });
      const after = replyText(await post(textMessageXml('oVoter', '结果')));
      expect(after).toMatch(new RegExp(`2\\. ${option2}：[1-9]\\d*票`));
    });

    it('an option number that does not exist lists the options instead of voting', async () => {
      const reply = replyText(await post(textMessageXml('oVoter2', '投票 99')));
      expect(reply).toContain('没有第99号候选单位');
      const { db } = testApp.services.database;
      expect(await db.select().from(votes).where(eq(votes.voterId, 'wechat:oVoter2'))).toHaveLength(0);
    });
  });

  it('an openid continues its recent conversation with Xiaoning', async () => {
    await post(textMessageXml('oFollowUp', '下周谁来接听热线？'));
    await post(textMessageXml('oFollowUp', '那霞浦县呢？'));
    const { db } = testApp.services.database;
    const rows = await db
      .select()
      .from(conversations)
      .where(and(eq(conversations.channel, 'wechat'), eq(conversations.userId, 'oFollowUp')));
    expect(rows).toHaveLength(1);
    expect(await testApp.services.repositories.conversations.lastMessages(rows[0]!.id, 10)).toHaveLength(4);
  });

  describe('hostile input gets a 4xx without processing and the service keeps answering', () => {
    const billionLaughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`).join('') +
      ']><xml><ToUserName>gh</ToUserName><FromUserName>oAttacker</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol9;</Content><MsgId>1</MsgId></xml>';

    const postRaw = (body: string | Buffer, query = signedQuery(vectors.token), type = 'text/xml') =>
      request(testApp.app).post(`/wechat?${query}`).set('Content-Type', type).send(body);

    it.each([
      ['a billion-laughs DOCTYPE', 400, () => postRaw(billionLaughs)],
      [
        'an external entity',
        400,
        () =>
          postRaw(
            '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><ToUserName>gh</ToUserName><FromUserName>oAttacker</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&e;</Content><MsgId>2</MsgId></xml>',
          ),
      ],
      ['malformed XML', 400, () => postRaw('<xml><ToUserName>gh</xml>')],
      ['XML without the message fields', 400, () => postRaw('<xml><Content>hi</Content></xml>')],
      ['a body over 1 MB', 413, () => postRaw(`<xml><Content>${'长'.repeat(400_000)}</Content></xml>`)],
      ['a bad signature', 403, () => postRaw(wechatFixture('image.xml'), signedQuery('wrongtoken'))],
      // Refused on the signature before the body is read: 403, not 413.
      [
        'a body over 1 MB with a bad signature',
        403,
        () => postRaw(`<xml><Content>${'长'.repeat(400_000)}</Content></xml>`, signedQuery('wrongtoken')),
      ],
      ['no signature at all', 400, () => postRaw(wechatFixture('image.xml'), '')],
      [
        'an Encrypt that does not decrypt',
        400,
        () => postRaw('<xml><Encrypt>AAAA</Encrypt></xml>', signedQuery(vectors.token, { encrypt: 'AAAA' })),
      ],
      ['an Encrypt with a forged msg_signature', 403, () => postRaw(`<xml><Encrypt>${vectors.encrypt}</Encrypt></xml>`)],
      ['no XML content type', 415, () => postRaw(wechatFixture('image.xml'), signedQuery(vectors.token), 'application/octet-stream')],
    ])('%s → %d', async (_name, status, send) => {
      const response = await send();
      expect(response.status).toBe(status);
      expect(response.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      expect(response.text).not.toMatch(/at \S+:\d+|Error:/);
      // Nothing was processed for the attacker: no conversation, no vote.
      const { db } = testApp.services.database;
      expect(await db.select().from(conversations).where(eq(conversations.userId, 'oAttacker'))).toHaveLength(0);
      expect(await db.select().from(votes).where(eq(votes.voterId, 'wechat:oAttacker'))).toHaveLength(0);
      const next = await post(textMessageXml('oAfterAttack', '你好'));
      expect(next.MsgType).toBe('text');
    });
  });

  it('is off (404) when WECHAT_TOKEN is not set', async () => {
    const off = await createTestApp();
    try {
      expect((await request(off.app).get(`/wechat?${signedQuery('anything', { echostr: 'x' })}`)).status).toBe(404);
      expect((await request(off.app).post('/wechat').set('Content-Type', 'text/xml').send(wechatFixture('text.xml'))).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
