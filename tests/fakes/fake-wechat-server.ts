import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CustomerServiceMessage {
  accessToken: string;
  body: { touser: string; msgtype: string; text?: { content: string }; news?: { articles: { title: string; description: string }[] } };
}

export interface FakeWechatServer {
  apiBase: string;
  /** access_token requests, in order (appid and whether the secret was right). */
  tokenRequests: { appid: string | null; secretValid: boolean }[];
  /** Customer-service messages WeChat accepted. */
  messages: CustomerServiceMessage[];
  /** Every custom/send call, accepted or not, with the errcode answered. */
  sendAttempts: { accessToken: string; errcode: number }[];
  /** The next custom/send answers this errcode once (40001: the token was invalidated elsewhere). */
  failNextSend(errcode: number): void;
  /** Recordings served by GET /cgi-bin/media/get, by media_id (voice messages are AMR). */
  media: Map<string, { contentType: string; bytes: Buffer }>;
  /** media_ids asked for, in order. */
  mediaRequests: string[];
  /** 群发 jobs accepted (POST /cgi-bin/message/mass/sendall), with their bodies. */
  massSends: { accessToken: string; body: MassSendBody }[];
  /** Custom menus accepted (POST /cgi-bin/menu/create). */
  menus: { accessToken: string; body: { button: { type: string; name: string; key?: string; url?: string }[] } }[];
  /** Every mass/sendall and menu/create call, accepted or not, with the errcode answered. */
  publishAttempts: { path: string; errcode: number }[];
  /** The next call to this path ('/cgi-bin/message/mass/sendall', '/cgi-bin/menu/create') answers this errcode once. */
  failNext(path: string, errcode: number, errmsg?: string): void;
  /** Resolves once `count` messages were accepted. */
  waitForMessages(count: number, timeoutMs?: number): Promise<CustomerServiceMessage[]>;
  close(): Promise<void>;
}

export interface MassSendBody {
  filter: { is_to_all: boolean; tag_id?: number };
  msgtype: string;
  text?: { content: string };
  mpnews?: { media_id: string };
}

const json = (response: http.ServerResponse, body: unknown) =>
  response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

/**
 * WeChat's API as the channel uses it, on 127.0.0.1: GET /cgi-bin/token issues numbered tokens (each new
 * one invalidates the previous, as WeChat does); POST /cgi-bin/message/custom/send, /cgi-bin/message/mass/sendall
 * and /cgi-bin/menu/create accept calls made with the current token, answering 40001 otherwise.
 */
export async function startFakeWechatServer(options: { appId: string; appSecret: string }): Promise<FakeWechatServer> {
  const tokenRequests: FakeWechatServer['tokenRequests'] = [];
  const messages: CustomerServiceMessage[] = [];
  const sendAttempts: FakeWechatServer['sendAttempts'] = [];
  const waiters: (() => void)[] = [];
  let issued = 0;
  let currentToken: string | undefined;
  const failures: number[] = [];
  const media: FakeWechatServer['media'] = new Map();
  const mediaRequests: string[] = [];
  const massSends: FakeWechatServer['massSends'] = [];
  const menus: FakeWechatServer['menus'] = [];
  const publishAttempts: FakeWechatServer['publishAttempts'] = [];
  const publishFailures = new Map<string, { errcode: number; errmsg: string }[]>();
  let massMessages = 0;

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname === '/cgi-bin/token') {
      const secretValid = url.searchParams.get('secret') === options.appSecret && url.searchParams.get('appid') === options.appId;
      tokenRequests.push({ appid: url.searchParams.get('appid'), secretValid });
      if (url.searchParams.get('grant_type') !== 'client_credential' || !secretValid) {
        json(response, { errcode: 40125, errmsg: 'invalid appsecret' });
        return;
      }
      issued += 1;
      currentToken = `fake-access-token-${issued}`;
      json(response, { access_token: currentToken, expires_in: 7200 });
      return;
    }
    // The media API answers the file itself, or JSON with an errcode (as WeChat does) for a bad token or id.
    if (request.method === 'GET' && url.pathname === '/cgi-bin/media/get') {
      const mediaId = url.searchParams.get('media_id') ?? '';
      mediaRequests.push(mediaId);
      if (url.searchParams.get('access_token') !== currentToken) {
        json(response, { errcode: 40001, errmsg: 'invalid credential' });
        return;
      }
      const file = media.get(mediaId);
      if (!file) {
        json(response, { errcode: 40007, errmsg: 'invalid media_id' });
        return;
      }
      response
        .writeHead(200, {
          'Content-Type': file.contentType,
          'Content-Length': String(file.bytes.length),
          'Content-Disposition': `attachment; filename="${mediaId}.amr"`,
        })
        .end(file.bytes);
      return;
    }
    if (request.method === 'POST' && url.pathname === '/cgi-bin/message/custom/send') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const accessToken = url.searchParams.get('access_token') ?? '';
        const errcode = failures.shift() ?? (accessToken === currentToken ? 0 : 40001);
        sendAttempts.push({ accessToken, errcode });
        if (errcode !== 0) {
          json(response, { errcode, errmsg: 'invalid credential' });
          return;
        }
        messages.push({ accessToken, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as CustomerServiceMessage['body'] });
        json(response, { errcode: 0, errmsg: 'ok' });
        waiters.splice(0).forEach((wake) => wake());
      });
      return;
    }
    // 群发 and the menu, as WeChat answers them: a stale token is 40001; a job gets msg_id and msg_data_id.
    if (request.method === 'POST' && (url.pathname === '/cgi-bin/message/mass/sendall' || url.pathname === '/cgi-bin/menu/create')) {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const accessToken = url.searchParams.get('access_token') ?? '';
        const failure = publishFailures.get(url.pathname)?.shift();
        const errcode = failure?.errcode ?? (accessToken === currentToken ? 0 : 40001);
        publishAttempts.push({ path: url.pathname, errcode });
        if (errcode !== 0) {
          json(response, { errcode, errmsg: failure?.errmsg ?? 'invalid credential' });
          return;
        }
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (url.pathname === '/cgi-bin/menu/create') {
          menus.push({ accessToken, body: body as FakeWechatServer['menus'][number]['body'] });
          json(response, { errcode: 0, errmsg: 'ok' });
          return;
        }
        massSends.push({ accessToken, body: body as MassSendBody });
        massMessages += 1;
        json(response, {
          errcode: 0,
          errmsg: 'send job submission success',
          msg_id: 1000 + massMessages,
          msg_data_id: 2000 + massMessages,
        });
      });
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiBase: `http://127.0.0.1:${port}`,
    tokenRequests,
    messages,
    sendAttempts,
    media,
    mediaRequests,
    massSends,
    menus,
    publishAttempts,
    failNext(path, errcode, errmsg = 'refused') {
      const queue = publishFailures.get(path) ?? [];
      queue.push({ errcode, errmsg });
      publishFailures.set(path, queue);
    },
    failNextSend(errcode) {
      failures.push(errcode);
    },
    async waitForMessages(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error(`expected ${count} customer-service messages, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, remaining);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
