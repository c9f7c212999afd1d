import http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { chatNamespace, type ChatAnswerDone, type ChatDelta, type ChatError, type ChatReady } from '../../common';

export type ChatOutcome = { deltas: string[] } & ({ done: ChatAnswerDone; error?: undefined } | { error: ChatError; done?: undefined });

/** A visitor's signed cookie, issued by the socket.io handshake as a browser would receive it. */
export function visitorCookie(baseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(`${baseUrl}/socket.io/?EIO=4&transport=polling`, (response) => {
        response.resume();
        const setCookie = response.headers['set-cookie']?.find((cookie) => cookie.startsWith('xn_voter='));
        if (setCookie) resolve(setCookie.split(';')[0]!);
        else reject(new Error('no xn_voter cookie issued'));
      })
      .on('error', reject);
  });
}

/** A real socket.io client on `/chat` carrying `cookie`; resolves once the server said `ready`. */
export async function connectChat(
  baseUrl: string,
  cookie: string | undefined,
  auth: Record<string, unknown> = {},
): Promise<{ socket: Socket; ready: ChatReady }> {
  const socket = io(`${baseUrl}${chatNamespace}`, {
    forceNew: true,
    reconnection: false,
    auth,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  const ready = await new Promise<ChatReady>((resolve, reject) => {
    socket.once('ready', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, ready };
}

/** Sends one message and collects the streamed deltas until `answer:done` or `error`. */
export function ask(socket: Socket, text: unknown): Promise<ChatOutcome> {
  return new Promise((resolve) => {
    const deltas: string[] = [];
    const onDelta = ({ text: delta }: ChatDelta) => deltas.push(delta);
    const finish = (outcome: ChatOutcome) => {
      socket.off('answer:delta', onDelta);
      socket.off('answer:done', onDone);
      socket.off('error', onError);
      resolve(outcome);
    };
    const onDone = (done: ChatAnswerDone) => finish({ deltas, done });
    const onError = (error: ChatError) => finish({ deltas, error });
    socket.on('answer:delta', onDelta);
    socket.on('answer:done', onDone);
    socket.on('error', onError);
    socket.emit('message', typeof text === 'string' ? { text } : text);
  });
}
