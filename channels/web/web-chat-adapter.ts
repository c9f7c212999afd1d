import type { IncomingMessage } from 'node:http';
import type { Namespace, Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { XiaoningResult } from '../../bot';
import { containsControlCharacter, createMemorySharedState, createSharedRateLimiter, type SharedState } from '../../common';
import { newVoterId, voterIdFromCookieHeader, voterSetCookieHeader } from '../../common';
import {
  chatNamespace,
  messageForPerson,
  type ChatClientEvents,
  type ChatMessage,
  type ChatServerEvents,
  type ChatSource,
  type ChatTurn,
} from '../../common';
import type { ChannelAdapter, InboundMessage, StaffRole } from '../types';
import type { VoiceStreams } from '../voice/voice-streams';
import { clientAddress } from './client-address';
import { createInFlightLocks } from './in-flight-locks';

export interface StoredConversations {
  findOwned(id: string, channel: string, userId: string): Promise<{ id: string } | undefined>;
  lastMessages(conversationId: string, limit: number): Promise<{ role: string; content: string }[]>;
}

export interface WebChatDependencies {
  conversations: StoredConversations;
  cookieSecret: string;
  cookieSecure: boolean;
  /** True when other sites embed the widget: the handshake cookie must then travel in their pages too. */
  embeddedElsewhere?: boolean;
  /** Messages one visitor may send per minute (CHAT_RATE_LIMIT_PER_MINUTE); 0 disables. Default 12. */
  messagesPerMinute?: number;
  /**
   * Where the rate limits and the one-question-at-a-time lock of each conversation live: in this process by
   * default, in Redis when several processes serve the chat (a visitor's sockets may reach any of them).
   */
  sharedState?: SharedState;
  /** How long a question's lock is held at most, should its process die while answering. Default 60 s. */
  inFlightTtlMs?: number;
  /**
   * Connections and messages one network address may make per minute, across all its sockets (the REST API's
   * per-address limit, which socket.io traffic does not pass through); 0 disables. Default 300.
   */
  eventsPerAddressPerMinute?: number;
  /** Proxies in front of the app (TRUST_PROXY), to read the client's address as express does. */
  trustedProxies?: number;
  /** Longest message accepted, in characters: the agent's limit, so people read one limit. */
  maxMessageCharacters?: number;
  logger?: { error(object: object, message: string): void };
  /** Earlier messages sent back on (re)connecting, so the widget can show the conversation again. */
  resumeMessages?: number;
  /** Spoken questions on the same socket (`audio:start`, `audio:chunk`, `audio:end`). */
  voice?: VoiceStreams | undefined;
  /** The column's public address (PUBLIC_BASE_URL): the widget links sources and 我要留言 there. */
  columnUrl?: string | undefined;
  /**
   * The signed-in official or administrator behind a request's cookies (the console's login session), read
   * again for every message so that a logout or an expiry takes effect at once; undefined for everyone else.
   */
  staffOf?: (cookieHeader: string | undefined) => Promise<{ role: StaffRole; unitId?: string | null | undefined } | undefined>;
}

interface RequestWithVoter extends IncomingMessage {
  /** The id issued with this handshake's response, for a visitor who came without a valid cookie. */
  freshVoterId?: string;
  /** Set once a later request of the same engine.io session carried that fresh id's signed cookie back. */
  freshVoterKept?: boolean;
}

/** engine.io's parsed query, where a request names its session (`sid`) after the handshake. */
interface EngineRequest extends IncomingMessage {
  _query?: Record<string, string>;
}

type ChatSocket = Socket<ChatClientEvents, ChatServerEvents>;

const callTextMaxCharacters = 3000;
const messageSchema: z.ZodType<ChatMessage> = z.object({
  text: z.string(),
  callText: z
    .string()
    .max(callTextMaxCharacters * 2)
    .refine((text) => !containsControlCharacter(text))
    .optional(),
});
const authSchema = z
  .object({
    conversationId: z
      .string()
      .max(100)
      .refine((id) => !containsControlCharacter(id))
      .optional(),
  })
  .catch({});

const isTurn = (message: { role: string; content: string }): message is ChatTurn => message.role === 'user' || message.role === 'assistant';

const sourcesOf = (result: XiaoningResult): ChatSource[] =>
  result.sources.map(({ source, title, headingPath, excerpt }) => ({ source, title, headingPath, excerpt }));

/**
 * Web chat over socket.io, namespace `/chat`. Identity is the signed `xn_voter` cookie (issued on the
 * handshake when missing), never anything the client sends; the conversation a client names is resumed
 * only when it belongs to that identity.
 */
export function createWebChatAdapter(deps: WebChatDependencies) {
  const messagesPerMinute = deps.messagesPerMinute ?? 12;
  const maxCharacters = deps.maxMessageCharacters ?? 500;
  const state = deps.sharedState ?? createMemorySharedState({ maxKeys: 50_000 });
  const storeFailed = (error: unknown) => deps.logger?.error({ err: error }, 'web chat shared state unavailable');
  const limiter =
    messagesPerMinute > 0
      ? createSharedRateLimiter({ state, name: 'chat-visitor', limit: messagesPerMinute, windowMs: 60_000, onStoreError: storeFailed })
      : undefined;
  const eventsPerAddress = deps.eventsPerAddressPerMinute ?? 300;
  const addressLimiter =
    eventsPerAddress > 0
      ? createSharedRateLimiter({ state, name: 'chat-address', limit: eventsPerAddress, windowMs: 60_000, onStoreError: storeFailed })
      : undefined;
  const inFlight = createInFlightLocks(state, deps.inFlightTtlMs ?? 60_000, storeFailed);
  const addressBusy = '这个网络发消息太频繁了，请稍等一会儿再试。';
  const busyMessage = '小宁还在回答上一个问题，请稍等。';
  /** The handshake request of each engine.io session, to notice when the cookie issued there comes back. */
  const handshakes = new Map<string, RequestWithVoter>();
  let onMessage: ((message: InboundMessage) => Promise<void>) | undefined;
  let namespace: Namespace<ChatClientEvents, ChatServerEvents> | undefined;
  /** The answer being written for each visitor, and the sockets waiting for it. */
  const runs = new Map<string, { text: string; sockets: Set<ChatSocket> }>();

  const userIdOf = (socket: ChatSocket) => {
    const request = socket.request as RequestWithVoter;
    return voterIdFromCookieHeader(request.headers.cookie, deps.cookieSecret) ?? request.freshVoterId;
  };

  /**
   * Established as on the REST API: the signed cookie came with the handshake, or the one issued with the
   * handshake came back on a later request of the session (a browser does that at once). A client that drops
   * cookies gets a new id at every connection and can chat, but not vote.
   */
  const identityEstablished = (socket: ChatSocket) => {
    const request = socket.request as RequestWithVoter;
    return voterIdFromCookieHeader(request.headers.cookie, deps.cookieSecret) !== undefined || request.freshVoterKept === true;
  };

  const resume = async (socket: ChatSocket, userId: string) => {
    const { conversationId } = authSchema.parse(socket.handshake.auth);
    const owned = conversationId ? await deps.conversations.findOwned(conversationId, 'web', userId) : undefined;
    const messages = owned ? await deps.conversations.lastMessages(owned.id, deps.resumeMessages ?? 20) : [];
    socket.data.conversationId = owned?.id;
    socket.emit('ready', {
      conversationId: owned?.id ?? null,
      messages: messages.filter(isTurn).map(({ role, content }) => ({ role, content })),
      ...(deps.columnUrl ? { columnUrl: deps.columnUrl } : {}),
    });
  };

  /** A connection counts against its address's limit like a message; past it the socket is closed. */
  const admit = async (socket: ChatSocket, userId: string) => {
    const fromAddress = await addressLimiter?.hit(socket.data.address as string);
    if (fromAddress && !fromAddress.allowed) {
      socket.emit('error', { code: 'RATE_LIMITED', message: addressBusy });
      socket.disconnect(true);
      return;
    }
    await resume(socket, userId).catch((error: unknown) => {
      deps.logger?.error({ err: error, socketId: socket.id }, 'web chat resume failed');
      socket.emit('ready', { conversationId: null, messages: [], ...(deps.columnUrl ? { columnUrl: deps.columnUrl } : {}) });
    });
  };

  const receive = async (socket: ChatSocket, userId: string, payload: unknown) => {
    const fail = (code: string, message: string): void => {
      socket.emit('error', { code, message });
    };
    // Every message counts, valid or not: malformed floods are throttled like any other.
    const fromAddress = await addressLimiter?.hit(socket.data.address as string);
    if (fromAddress && !fromAddress.allowed) return fail('RATE_LIMITED', addressBusy);
    const allowed = await limiter?.hit(userId);
    if (allowed && !allowed.allowed) return fail('RATE_LIMITED', '您发得太快了，请稍等一会儿再问。');
    const parsed = messageSchema.safeParse(payload);
    if (!parsed.success) return fail('VALIDATION_FAILED', '消息格式不对，请重新输入。');
    const text = parsed.data.text.trim();
    if (text === '') return fail('VALIDATION_FAILED', '请输入您想问的问题。');
    if ([...text].length > maxCharacters) return fail('VALIDATION_FAILED', `问题太长了，请控制在${maxCharacters}字以内。`);
    if (socket.data.busy) return fail('BUSY', busyMessage);
    if (!onMessage) return fail('SERVICE_UNAVAILABLE', '小宁还没有准备好，请稍后再试。');
    socket.data.busy = true;
    // After a reconnect the widget sends the question in flight again: it joins the run already answering it
    // instead of starting a second one (one answer, stored once).
    const running = runs.get(userId);
    if (running && running.text === text) {
      running.sockets.add(socket);
      return;
    }
    // One question at a time per conversation, whichever process and socket it comes through.
    const conversationId = socket.data.conversationId as string | undefined;
    const lock = conversationId ? await inFlight.take(conversationId, text) : undefined;
    if (lock && !lock.taken) {
      socket.data.busy = false;
      return fail('BUSY', busyMessage);
    }
    const run = { text, sockets: new Set([socket]) };
    runs.set(userId, run);
    const toAll = <Event extends keyof ChatServerEvents>(event: Event, ...body: Parameters<ChatServerEvents[Event]>) =>
      run.sockets.forEach((listener) => listener.emit(event, ...body));
    let finished: Promise<void> | undefined;
    const finishRun = () =>
      (finished ??= (async () => {
        run.sockets.forEach((listener) => (listener.data.busy = false));
        if (runs.get(userId) === run) runs.delete(userId);
        if (lock?.taken) await lock.release().catch(() => undefined);
      })());
    const callText = parsed.data.callText?.trim().slice(0, callTextMaxCharacters);
    const inbound: InboundMessage = {
      channel: 'web',
      userId,
      identityEstablished: identityEstablished(socket),
      address: socket.data.address as string,
      conversationId: socket.data.conversationId as string | undefined,
      text,
      ...(callText ? { callText } : {}),
      raw: payload,
      reply: {
        delta: (delta) => toAll('answer:delta', { text: delta }),
        done: async (result) => {
          run.sockets.forEach((listener) => (listener.data.conversationId = result.conversationId));
          // The turn is stored: the conversation is free before the person sees the answer, so a question sent
          // the moment it appears (a suggestion tapped, another process) is not refused as one-at-a-time.
          await finishRun();
          toAll('answer:done', {
            conversationId: result.conversationId,
            answer: result.answer,
            sources: sourcesOf(result),
            suggestions: result.suggestions,
            refused: result.refused,
            pages: result.pages.map(({ label, path }) => ({ label, path })),
          });
        },
        error: (code, message) => toAll('error', { code, message }),
      },
    };
    const answer = onMessage;
    const identified = async () => {
      // The role comes from the server's own session store, never from anything the client sends.
      const staff = await deps.staffOf?.(socket.request.headers.cookie);
      return answer(staff ? { ...inbound, role: staff.role, unitId: staff.unitId ?? undefined } : inbound);
    };
    void identified()
      .catch((error: unknown) => {
        deps.logger?.error({ err: error, socketId: socket.id }, 'web chat message failed');
        toAll('error', messageForPerson(error));
      })
      .finally(() => void finishRun());
  };

  const adapter: ChannelAdapter & { attach(io: Server): void } = {
    channel: 'web',
    start(handler) {
      onMessage = handler;
    },
    attach(io) {
      // The first request of every socket.io session (polling handshake or WebSocket upgrade) can carry
      // headers: a visitor without a valid cookie gets one there, so chat works before any API call.
      io.engine.on('initial_headers', (headers: Record<string, string | string[]>, request: RequestWithVoter) => {
        if (voterIdFromCookieHeader(request.headers.cookie, deps.cookieSecret)) return;
        request.freshVoterId = newVoterId();
        headers['set-cookie'] = voterSetCookieHeader(
          request.freshVoterId,
          deps.cookieSecret,
          deps.cookieSecure,
          deps.embeddedElsewhere ?? false,
        );
      });
      io.engine.on('connection', (session: { id: string; request: RequestWithVoter; once(event: 'close', listener: () => void): void }) => {
        if (!session.request.freshVoterId) return;
        handshakes.set(session.id, session.request);
        session.once('close', () => handshakes.delete(session.id));
      });
      // Every later request of a session (polling, the WebSocket upgrade) names it: the fresh id's cookie coming
      // back on one of them is the same proof the REST API asks for before a vote.
      io.engine.on('headers', (_headers: Record<string, string | string[]>, request: EngineRequest) => {
        const sessionId = request._query?.sid;
        const handshake = sessionId === undefined ? undefined : handshakes.get(sessionId);
        if (!handshake || voterIdFromCookieHeader(request.headers.cookie, deps.cookieSecret) !== handshake.freshVoterId) return;
        handshake.freshVoterKept = true;
        handshakes.delete(sessionId!);
      });
      namespace = io.of(chatNamespace);
      namespace.on('connection', (socket) => {
        socket.data.address = clientAddress(socket.request, deps.trustedProxies ?? 0);
        const userId = userIdOf(socket);
        if (!userId) {
          socket.emit('error', { code: 'UNAUTHENTICATED', message: '请刷新页面后再试。' });
          socket.disconnect(true);
          return;
        }
        // Listeners first (an event that arrives before them is lost); each message passes the limits itself.
        socket.on('message', (payload: unknown) => void receive(socket, userId, payload));
        deps.voice?.attach(socket, userId);
        void admit(socket, userId);
      });
    },
    async stop() {
      onMessage = undefined;
      namespace?.disconnectSockets(true);
    },
  };
  return adapter;
}

export type WebChatAdapter = ReturnType<typeof createWebChatAdapter>;
