import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import { chatNamespace, type ChatClientEvents, type ChatServerEvents } from '../../common/chat-protocol';
import { speechChannelOfSocket, type SpeechChannel, type SpeechSocket } from '../../common/dictation';
import { readAnswerDone, readDelta, readReady, readServerError, type AnswerDone, type ReadyPayload, type ServerError } from './protocol';
import type { RememberedValue } from './remembered-value';
import { isAnswered } from './transcript';

export interface ChatConnectionEvents {
  /** Not connected (yet, or any more); the socket keeps trying. */
  connecting(): void;
  /** Connected; `pendingAnswered` says the stored conversation already answers the question in flight. */
  ready(payload: ReadyPayload, pendingAnswered: boolean): void;
  delta(text: string): void;
  done(answer: AnswerDone): void;
  failed(error: ServerError): void;
}

export type CreateSocket = (url: string, options: Partial<ManagerOptions & SocketOptions>) => Socket<ChatServerEvents, ChatClientEvents>;

export interface ChatConnection {
  /** Sends now when connected, otherwise as soon as the connection is back. */
  send(text: string): void;
  /** Spoken questions on the same socket (audio:start, audio:chunk, audio:end and their answers). */
  speech: SpeechChannel;
  close(): void;
}

const maxRetryDelayMs = 30_000;

/**
 * The widget's side of the `/chat` namespace. Who the person is comes from the server's cookie; the
 * client only names the conversation it remembers, and the server resumes it only if it is theirs.
 * A question in flight when the connection drops is sent again after `ready`, unless the stored
 * conversation shows it was answered meanwhile.
 */
export function openChatConnection(options: {
  origin: string;
  conversation: RememberedValue;
  events: ChatConnectionEvents;
  createSocket: CreateSocket;
}): ChatConnection {
  const { conversation, events } = options;
  let isReady = false;
  let pending: string | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelayMs = 1000;

  const socket = options.createSocket(`${options.origin}${chatNamespace}`, {
    withCredentials: true,
    // A function, so every reconnection names the conversation as it is by then.
    auth: (callback) => {
      const conversationId = conversation.get();
      callback(conversationId ? { conversationId } : {});
    },
  });

  // socket.io retries by itself after network trouble, but not after the server closed the socket
  // (e.g. a restart) or refused it; then `active` is false and retrying is ours to do.
  const retryIfAbandoned = () => {
    if (socket.active || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      socket.connect();
    }, retryDelayMs);
    retryDelayMs = Math.min(retryDelayMs * 2, maxRetryDelayMs);
  };

  socket.on('ready', (payload: unknown) => {
    const ready = readReady(payload);
    if (!ready) return;
    if (ready.conversationId) conversation.set(ready.conversationId);
    else conversation.clear();
    isReady = true;
    retryDelayMs = 1000;
    const pendingAnswered = pending !== undefined && isAnswered(ready.messages, pending);
    events.ready(ready, pendingAnswered);
    if (pendingAnswered) pending = undefined;
    else if (pending !== undefined) socket.emit('message', { text: pending });
  });
  socket.on('answer:delta', (payload: unknown) => {
    const text = readDelta(payload);
    if (text) events.delta(text);
  });
  socket.on('answer:done', (payload: unknown) => {
    const answer = readAnswerDone(payload);
    if (!answer) return;
    pending = undefined;
    if (answer.conversationId) conversation.set(answer.conversationId);
    events.done(answer);
  });
  socket.on('error', (payload: unknown) => {
    // Errors before `ready` concern the connection, not the question, which stays queued.
    if (isReady) pending = undefined;
    events.failed(readServerError(payload));
  });
  socket.on('disconnect', () => {
    isReady = false;
    events.connecting();
    retryIfAbandoned();
  });
  socket.on('connect_error', () => {
    events.connecting();
    retryIfAbandoned();
  });
  events.connecting();

  return {
    send(text) {
      pending = text;
      if (isReady) socket.emit('message', { text });
    },
    speech: speechChannelOfSocket(socket as unknown as SpeechSocket),
    close() {
      clearTimeout(retryTimer);
      socket.disconnect();
    },
  };
}
