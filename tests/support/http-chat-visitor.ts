import type { Express } from 'express';
import request from 'supertest';

/** What POST /api/chat answers, as the tests read it. */
export interface ChatReply {
  answer: string;
  sources: unknown[];
  toolCalls: string[];
  refused: boolean;
  pages: { label: string; path: string }[];
  conversationId: string;
}

/**
 * One visitor of POST /api/chat: keeps the signed cookie the first answer issues and the conversation, as the
 * widget does, so follow-ups (那霞浦县呢？, 第一条的答复是什么意思) reach the same conversation.
 */
export function httpChatVisitor(app: Express) {
  let cookie: string | undefined;
  let conversationId: string | undefined;
  return async (message: string): Promise<ChatReply> => {
    const call = request(app).post('/api/chat');
    if (cookie) call.set('Cookie', cookie);
    const response = await call.send({ message, ...(conversationId ? { conversationId } : {}) }).expect(200);
    const issued = /xn_voter=[^;]+/.exec(([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';'))?.[0];
    if (issued) cookie = issued;
    conversationId = response.body.conversationId;
    return response.body as ChatReply;
  };
}
