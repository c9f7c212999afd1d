/**
 * The bare socket.io server the chat load bench compares the app with: the same `/chat` protocol (`ready` on
 * connecting, `answer:done` for each `message`), answered at once with no work behind it, so the ratio of the
 * app's figures to this server's says how much of the time is the answer itself and how much socket.io and
 * the load generator on this machine. Prints `{"port": N}` once listening on 127.0.0.1 (PORT, default any).
 *
 *   node --import tsx bench/load/echo-server.ts
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { chatNamespace, type ChatClientEvents, type ChatServerEvents } from '../../common';

const server = http.createServer();
const io = new Server<ChatClientEvents, ChatServerEvents>(server, { serveClient: false });
let answered = 0;
io.of(chatNamespace).on('connection', (socket) => {
  socket.emit('ready', { conversationId: null, messages: [] });
  socket.on('message', (payload) => {
    answered += 1;
    const text = typeof payload === 'object' && payload !== null && typeof payload.text === 'string' ? payload.text : '';
    socket.emit('answer:done', {
      conversationId: `echo-${answered}`,
      answer: text,
      sources: [],
      suggestions: [],
      refused: false,
      pages: [],
    });
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
const stop = () => {
  io.close();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
