import { z } from 'zod';
import { AppError, type SharedState } from '../../common';
import type { WechatReply } from './reply-xml';
import { createSharedAccessToken } from './shared-access-token';

export interface WechatApiOptions {
  apiBase: string;
  appId: string;
  appSecret: string;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; tests move time forward to expire the token. */
  now?: () => number;
  /** How long one call to WeChat may take. */
  timeoutMs?: number;
  /**
   * Where the access_token is kept for everyone who calls WeChat for this account: the channel and the publisher
   * of this process, and with Redis every process, so that none invalidates the token of another by fetching its
   * own. Without it this client keeps its own token.
   */
  tokenState?: SharedState | undefined;
}

/**
 * A failed call to WeChat's API: an UPSTREAM_ERROR whose details hold why and, when WeChat sent one, its own
 * `errcode`. Only the log sees them; a person is told the apology.
 */
const wechatFailed = (reason: string, options: { errcode?: number | undefined; errmsg?: string | undefined; cause?: unknown } = {}) =>
  new AppError('UPSTREAM_ERROR', '微信接口暂时无法使用。', {
    cause: options.cause,
    details: {
      service: 'wechat',
      reason,
      ...(options.errcode === undefined ? {} : { errcode: options.errcode }),
      ...(options.errmsg === undefined ? {} : { errmsg: options.errmsg }),
    },
  });

/** A first-level button of the custom menu: CLICK sends its key to /wechat, VIEW opens the address. */
export type WechatMenuButton = { type: 'click'; name: string; key: string } | { type: 'view'; name: string; url: string };

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });
const resultSchema = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() }).loose();

// 40001: invalid credential (e.g. another server fetched a newer token); 42001: token expired; 40014: invalid token.
const staleTokenCodes = new Set([40001, 40014, 42001]);
// A WeChat voice message lasts 60 s at most: about 100 KB of AMR. Anything far larger is not one.
const maxMediaBytes = 2 * 1024 * 1024;
// Refresh a little before WeChat's own expiry so a token never dies between fetching and using it.
const refreshMarginMs = 5 * 60_000;

function customMessageBody(openid: string, reply: WechatReply) {
  if (reply.type === 'text') return { touser: openid, msgtype: 'text', text: { content: reply.content } };
  const { title, description, url, pictureUrl } = reply.article;
  return { touser: openid, msgtype: 'news', news: { articles: [{ title, description, url: url ?? '', picurl: pictureUrl ?? '' }] } };
}

/**
 * WeChat's server API as the channel uses it: the access_token (fetched once, shared by concurrent callers,
 * kept until shortly before it expires) and customer-service messages for answers that missed the 5 s window.
 */
export function createWechatApiClient(options: WechatApiOptions) {
  const fetchImplementation = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = options.apiBase.replace(/\/+$/, '');
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const call = async (url: string, init?: RequestInit): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetchImplementation(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw wechatFailed(`WeChat API unreachable: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (!response.ok) throw wechatFailed(`WeChat API answered HTTP ${response.status}`);
    return response.json().catch(() => {
      throw wechatFailed('WeChat API answered something that is not JSON');
    });
  };

  const shared = options.tokenState ? createSharedAccessToken(options.tokenState, options.appId, { now }) : undefined;

  const fetchToken = async (): Promise<{ token: string; expiresAt: number }> => {
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: options.appId, secret: options.appSecret });
    const body = await call(`${base}/cgi-bin/token?${query}`);
    const token = tokenSchema.safeParse(body);
    if (!token.success) {
      const failure = resultSchema.safeParse(body);
      const errcode = failure.success ? failure.data.errcode : undefined;
      throw wechatFailed(`access_token refused (errcode ${errcode ?? 'none'})`, { errcode });
    }
    const lifetimeMs = token.data.expires_in * 1000;
    return { token: token.data.access_token, expiresAt: now() + lifetimeMs - Math.min(refreshMarginMs, lifetimeMs / 2) };
  };

  const accessToken = (): Promise<string> => {
    if (cached && now() < cached.expiresAt) return Promise.resolve(cached.token);
    pending ??= (shared ? shared.obtain(fetchToken) : fetchToken())
      .then((fresh) => {
        cached = fresh;
        return fresh.token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  /** WeChat called `token` stale: neither this client nor the others may use it again. */
  const discard = async (token: string) => {
    if (cached?.token === token) cached = undefined;
    await shared?.discard(token);
  };

  const post = async (path: string, payload: unknown, retried = false): Promise<Record<string, unknown>> => {
    const token = await accessToken();
    const body = resultSchema.safeParse(
      await call(`${base}${path}?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload),
      }),
    );
    const errcode = body.success ? (body.data.errcode ?? 0) : -1;
    if (body.success && errcode === 0) return body.data;
    if (staleTokenCodes.has(errcode) && !retried) {
      await discard(token);
      return post(path, payload, true);
    }
    const errmsg = body.success ? body.data.errmsg : undefined;
    throw wechatFailed(`WeChat refused ${path} (errcode ${errcode}: ${errmsg ?? ''})`, { errcode, errmsg });
  };

  /** A voice message's recording (GET /cgi-bin/media/get): WeChat keeps it three days; AMR for voice. */
  const fetchMedia = async (mediaId: string, retried = false): Promise<{ contentType: string; bytes: Buffer }> => {
    const token = await accessToken();
    const query = new URLSearchParams({ access_token: token, media_id: mediaId });
    let response: Response;
    try {
      response = await fetchImplementation(`${base}/cgi-bin/media/get?${query}`, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw wechatFailed(`WeChat media API unreachable: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (!response.ok) throw wechatFailed(`WeChat media API answered HTTP ${response.status}`);
    const contentType = response.headers.get('content-type') ?? '';
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxMediaBytes) throw wechatFailed(`voice media of ${declared} bytes is over the limit`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > maxMediaBytes) throw wechatFailed(`voice media of ${bytes.length} bytes is over the limit`);
    // Failures come as JSON with an errcode instead of the file.
    if (/json|text\/plain/.test(contentType)) {
      const body = resultSchema.safeParse(JSON.parse(bytes.toString('utf8') || '{}'));
      const errcode = body.success ? (body.data.errcode ?? -1) : -1;
      if (staleTokenCodes.has(errcode) && !retried) {
        await discard(token);
        return fetchMedia(mediaId, true);
      }
      throw wechatFailed(`WeChat refused media ${mediaId} (errcode ${errcode})`, { errcode });
    }
    return { contentType, bytes };
  };

  return {
    accessToken,
    fetchMedia,
    sendCustomerServiceMessage: async (openid: string, reply: WechatReply): Promise<void> => {
      await post('/cgi-bin/message/custom/send', customMessageBody(openid, reply));
    },
    /** 群发 to every follower (POST /cgi-bin/message/mass/sendall, is_to_all); WeChat answers the job's msg_id. */
    massSendTextToAll: async (content: string): Promise<{ msgId: string | undefined }> => {
      const body = await post('/cgi-bin/message/mass/sendall', { filter: { is_to_all: true }, text: { content }, msgtype: 'text' });
      const msgId = body.msg_id;
      return { msgId: typeof msgId === 'number' || typeof msgId === 'string' ? String(msgId) : undefined };
    },
    /** Replaces the account's custom menu (POST /cgi-bin/menu/create). */
    createMenu: async (buttons: WechatMenuButton[]): Promise<void> => {
      await post('/cgi-bin/menu/create', { button: buttons });
    },
  };
}

export type WechatApiClient = ReturnType<typeof createWechatApiClient>;
