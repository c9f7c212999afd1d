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
