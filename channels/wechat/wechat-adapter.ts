import express, { type Request, type Response, type Router } from 'express';
import type { ChannelAdapter, InboundMessage } from '../types';
import { wechatAnswerText } from './answer-text';
import { createInboundAnswerer } from './answer-inbound';
import { createKeyedQueue } from './keyed-queue';
import { passiveReplyXml, type WechatReply } from './reply-xml';
import { createMemoryNonceStore, type NonceStore } from './nonce-store';
import { createRetryGuard, type RetryGuardOptions } from './retry-guard';
import type { WechatApiClient } from './wechat-api-client';
import { createWechatEnvelope, signatureWindowMs } from './wechat-envelope';
import type { WechatShortcuts } from './wechat-shortcuts';
import { inboundMessageSchema, type WechatInbound } from './wechat-xml';
import { AppError, messageForPerson, somethingWentWrong } from '../../common';

interface Logger {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface WechatAdapterDependencies {
  token: string;
  appId?: string | undefined;
  /** Set: safe mode. Encrypted requests are decrypted and answered encrypted. */
  encodingAesKey?: string | undefined;
  /** Delivers answers that missed the passive-reply window; without it such answers are only logged. */
  api?: Pick<WechatApiClient, 'sendCustomerServiceMessage'> | undefined;
  shortcuts: Pick<WechatShortcuts, 'answer' | 'previews' | 'results'>;
  /** A voice message's text from its recording, when a speech service is configured. */
  transcribeVoice?: ((mediaId: string) => Promise<string>) | undefined;
  /** The column's public address (PUBLIC_BASE_URL): answers link to its pages when set. */
  publicBaseUrl?: string | undefined;
  /** The conversation an openid continues, if any (see recent-conversation.ts). */
  findConversation?: (openid: string) => Promise<string | undefined>;
  logger: Logger;
  /** How long a passive reply may take; WeChat gives up after 5 s and retries. Tests make it short. */
  replyDeadlineMs?: number;
  retryGuard?: RetryGuardOptions;
  /** With several processes: claims a message in shared state (see shared-wechat-state.ts) instead of this process's memory. */
  claimMessage?: (messageKey: string) => Promise<boolean>;
  /** Nonces of signed requests, so a signed query string cannot carry a second message; in memory by default. */
  nonces?: NonceStore;
  /** The clock of signature timestamps and replies; tests replaying recorded requests set it to their time. */
  now?: () => number;
}

const bodyTypes = ['text/xml', 'application/xml', 'text/plain'];

/**
 * The message's identity across WeChat's retries: MsgId, or sender + time for events (which have none),
 * with the event and its key, so two different menu taps within one second are two messages.
 */
const retryKeyOf = (inbound: WechatInbound) =>
  inbound.MsgId
    ? `message:${inbound.MsgId}`
    : `event:${inbound.FromUserName}:${inbound.CreateTime}:${inbound.Event ?? ''}:${inbound.EventKey ?? ''}`;

function withDeadline<T>(work: Promise<T>, milliseconds: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, milliseconds));
  });
  return Promise.race([work.then((value) => ({ value })), late]).finally(() => clearTimeout(timer));
}

/**
 * The WeChat Official Account channel at `/wechat`: URL verification, plaintext and safe-mode messages, a
 * passive reply when the answer is ready within the deadline, otherwise "success" at once and the answer
 * through the customer-service API. Every message is answered once, however often WeChat retries it.
 */
export function createWechatAdapter(deps: WechatAdapterDependencies) {
  const now = deps.now ?? Date.now;
  const deadlineMs = deps.replyDeadlineMs ?? 4500;
  const envelope = createWechatEnvelope({ token: deps.token, appId: deps.appId, encodingAesKey: deps.encodingAesKey, now });
  const guard = createRetryGuard(deps.retryGuard);
  const nonces = deps.nonces ?? createMemoryNonceStore({ now });
  const queue = createKeyedQueue();
  const background = new Set<Promise<void>>();
  let onMessage: ((message: InboundMessage) => Promise<void>) | undefined;

  const askXiaoning = async (openid: string, text: string, raw: unknown): Promise<WechatReply> => {
    const handler = onMessage;
    if (!handler) return { type: 'text', content: somethingWentWrong };
    let reply: WechatReply | undefined;
    const message: InboundMessage = {
      channel: 'wechat',
      userId: openid,
      // WeChat vouches for the openid; its servers' address says nothing about the person, so none is given.
      identityEstablished: true,
      conversationId: await deps.findConversation?.(openid),
      text,
      raw,
      reply: {
        // WeChat shows whole messages only; the answer goes out in one piece from done().
        delta: () => undefined,
        done: (result) => {
          reply = { type: 'text', content: wechatAnswerText(result, { publicBaseUrl: deps.publicBaseUrl }) };
        },
        error: (_code, content) => {
          reply = { type: 'text', content };
        },
      },
    };
    await handler(message);
    return reply ?? { type: 'text', content: somethingWentWrong };
  };

  const answer = createInboundAnswerer({
    shortcuts: deps.shortcuts,
    askXiaoning,
    transcribeVoice: deps.transcribeVoice,
    logger: deps.logger,
  });

  const deliverLater = (openid: string, work: Promise<WechatReply | undefined>) => {
    const delivery = work
      .then(async (reply) => {
        if (!reply) return;
        if (!deps.api) {
          deps.logger.warn(
            { channel: 'wechat' },
            'answer missed the passive-reply window and no WECHAT_APP_ID/WECHAT_APP_SECRET is set to send it',
          );
          return;
        }
        await deps.api.sendCustomerServiceMessage(openid, reply);
      })
      .catch((error: unknown) => deps.logger.error({ err: error, channel: 'wechat' }, 'customer-service delivery failed'))
      .finally(() => background.delete(delivery));
    background.add(delivery);
  };

  const receive = async (request: Request, response: Response) => {
    const startedAt = now();
    const { fields, encrypted, query } = envelope.open(request.query, request.body);
    const parsed = inboundMessageSchema.safeParse(fields);
    if (!parsed.success) throw new AppError('BAD_REQUEST', '请求格式不正确。', { details: { reason: 'message fields missing' } });
    const inbound = parsed.data;
    // In plaintext mode the signature covers the query string only: the same one with another body (another
    // FromUserName) is a forgery. The same body again is WeChat resending, which the retry guard answers.
    const nonceUse = await nonces.use(
      `${query.timestamp}:${query.nonce}`,
      retryKeyOf(inbound),
      Number(query.timestamp) * 1000 + signatureWindowMs,
    );
    if (nonceUse === 'reused') {
      throw new AppError('FORBIDDEN', '签名校验失败。', { details: { reason: 'nonce reused for another message' } });
    }
    // A retry of a message already being answered (or answered): the first one delivers, this one stays quiet.
    const claimed = deps.claimMessage ? await deps.claimMessage(retryKeyOf(inbound)) : guard.claim(retryKeyOf(inbound));
    if (!claimed) {
      response.type('text/plain').send('success');
      return;
    }
    let connectionLost = false;
    response.on('close', () => {
      connectionLost = !response.writableFinished;
    });
    const work = queue
      .run(inbound.FromUserName, () => answer(inbound, fields))
      .catch((error: unknown): WechatReply => {
        deps.logger.error({ err: error, channel: 'wechat' }, 'wechat message failed');
        return { type: 'text', content: messageForPerson(error).message };
      });
    const inTime = await withDeadline(work, deadlineMs - (now() - startedAt));
    if (!inTime || connectionLost) {
      // Too slow for WeChat's 5 s window, or WeChat hung up: the answer follows as a customer-service message.
      if (!connectionLost) response.type('text/plain').send('success');
      deliverLater(inbound.FromUserName, work);
      return;
    }
    if (!inTime.value) {
      response.type('text/plain').send('success');
      return;
    }
    const xml = passiveReplyXml(inTime.value, {
      toUser: inbound.FromUserName,
      fromUser: inbound.ToUserName,
      createTime: Math.floor(now() / 1000),
    });
    response.type('application/xml').send(encrypted ? envelope.seal(xml) : xml);
  };

  const router: Router = express.Router();
  router.get('/', (request, response) => {
    response.type('text/plain').send(envelope.echo(request.query));
  });
  router.post(
    '/',
    // Unsigned requests are refused before their body (up to 1 MB) is read.
    (request, _response, next) => {
      envelope.checkQuery(request.query);
      next();
    },
    express.text({ type: bodyTypes, limit: '1mb' }),
    receive,
  );

  const adapter: ChannelAdapter & { router: Router } = {
    channel: 'wechat',
    router,
    start(handler) {
      onMessage = handler;
    },
    async stop() {
      onMessage = undefined;
      await Promise.allSettled([...background]);
    },
  };
  return adapter;
}

export type WechatAdapter = ReturnType<typeof createWechatAdapter>;
