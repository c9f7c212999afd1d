import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { ask, connectChat, visitorCookie } from '../../tests/support/chat-client';
import { channelAdapterContract } from '../channel-adapter.contract';
import { createWebChatAdapter, type StoredConversations } from './web-chat-adapter';

/** Conversations kept in memory: the adapter only reads ownership and the last messages. */
const noConversations: StoredConversations = {
  findOwned: async () => undefined,
  lastMessages: async () => [],
};

channelAdapterContract('web chat (socket.io /chat, real client)', async () => {
  const adapter = createWebChatAdapter({ conversations: noConversations, cookieSecret: 'contract-secret', cookieSecure: false });
  const server = http.createServer();
  const io = new Server(server);
  adapter.attach(io);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const people = new Map<string, Socket>();
  return {
    adapter,
    async send(who, text) {
      let socket = people.get(who);
      if (!socket) {
        socket = (await connectChat(baseUrl, await visitorCookie(baseUrl))).socket;
        people.set(who, socket);
      }
      const outcome = await ask(socket, text);
      return outcome.done ? outcome.done.answer : outcome.error.message;
    },
    async close() {
      for (const socket of people.values()) socket.disconnect();
      await io.close();
      server.closeAllConnections();
    },
  };
});

describe('web chat: a question re-sent after a reconnect', () => {
  it('joins the run already answering it: one run, the answer reaches the new socket', async () => {
    const adapter = createWebChatAdapter({ conversations: noConversations, cookieSecret: 'reconnect-secret', cookieSecure: false });
    const runs: string[] = [];
    await adapter.start(async (message) => {
      runs.push(message.text);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await message.reply.done({
        conversationId: 'c-1',
        answer: `答：${message.text}`,
        sources: [],
        toolCalls: [],
        suggestions: [],
        refused: false,
        pages: [],
      });
    });
    const server = http.createServer();
    const io = new Server(server);
    adapter.attach(io);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const cookie = await visitorCookie(baseUrl);
      const first = await connectChat(baseUrl, cookie);
      first.socket.emit('message', { text: '住房公积金怎么提取？' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      first.socket.disconnect();
      const second = await connectChat(baseUrl, cookie);
      const outcome = await ask(second.socket, '住房公积金怎么提取？');
      expect(outcome.done?.answer).toBe('答：住房公积金怎么提取？');
      expect(runs).toEqual(['住房公积金怎么提取？']);
      // Once finished, the same question asked again is a new question.
      await ask(second.socket, '住房公积金怎么提取？');
      expect(runs).toHaveLength(2);
      second.socket.disconnect();
    } finally {
      await adapter.stop();
      await io.close();
    }
  });
});
