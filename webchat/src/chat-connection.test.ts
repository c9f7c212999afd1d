import type { Socket } from 'socket.io-client';
import { openChatConnection, type ChatConnectionEvents, type CreateSocket } from './chat-connection';
import { rememberedValue } from './remembered-value';

/** A hand-written stand-in for a socket.io client socket: records what the widget emits and lets the test play the server. */
function fakeSocket() {
  const handlers = new Map<string, ((payload?: unknown) => void)[]>();
  const fake = {
    url: '',
    options: {} as Record<string, unknown>,
    emitted: [] as [string, unknown][],
    active: true,
    connects: 0,
    disconnected: false,
    on(event: string, handler: (payload?: unknown) => void) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return fake;
    },
    emit(event: string, payload: unknown) {
      fake.emitted.push([event, payload]);
      return fake;
    },
    connect() {
      fake.connects += 1;
      return fake;
    },
    disconnect() {
      fake.disconnected = true;
      return fake;
    },
    server(event: string, payload?: unknown) {
      for (const handler of handlers.get(event) ?? []) handler(payload);
    },
    auth(): Record<string, unknown> {
      let sent: Record<string, unknown> = {};
      (fake.options.auth as (callback: (data: Record<string, unknown>) => void) => void)((data) => (sent = data));
      return sent;
    },
  };
  const create: CreateSocket = (url, options) => {
    fake.url = url;
    fake.options = options as Record<string, unknown>;
    return fake as unknown as Socket;
  };
  return { fake, create };
}

function recordEvents() {
  const log: unknown[][] = [];
  const events: ChatConnectionEvents = {
    connecting: () => log.push(['connecting']),
    ready: (payload, pendingAnswered) => log.push(['ready', payload.conversationId, pendingAnswered]),
    delta: (text) => log.push(['delta', text]),
    done: (answer) => log.push(['done', answer.answer]),
    failed: (error) => log.push(['failed', error.code, error.message]),
  };
  return { log, events };
}

const memory = () => rememberedValue('k', () => undefined);

describe('openChatConnection', () => {
  it('connects to /chat with credentials, names the remembered conversation, and remembers the one the server confirms', () => {
    const { fake, create } = fakeSocket();
    const conversation = memory();
    conversation.set('c-old');
    const { log, events } = recordEvents();
    openChatConnection({ origin: 'https://12345.example', conversation, events, createSocket: create });
    expect(fake.url).toBe('https://12345.example/chat');
    expect(fake.options.withCredentials).toBe(true);
    expect(fake.auth()).toEqual({ conversationId: 'c-old' });

    fake.server('ready', { conversationId: null, messages: [] });
    expect(conversation.get()).toBeUndefined();
    expect(fake.auth()).toEqual({});
    fake.server('answer:done', { conversationId: 'c-new', answer: '答', sources: [], suggestions: [], refused: false });
    expect(fake.auth()).toEqual({ conversationId: 'c-new' });
    expect(log).toEqual([['connecting'], ['ready', null, false], ['done', '答']]);
  });

  it('holds a question until ready, streams the answer, and passes server errors on as given', () => {
    const { fake, create } = fakeSocket();
    const { log, events } = recordEvents();
    const connection = openChatConnection({ origin: 'http://h', conversation: memory(), events, createSocket: create });
    connection.send('住房公积金在什么情况下可以提取？');
    expect(fake.emitted).toEqual([]);
    fake.server('ready', { conversationId: null, messages: [] });
    expect(fake.emitted).toEqual([['message', { text: '住房公积金在什么情况下可以提取？' }]]);
    fake.server('answer:delta', { text: '职工' });
    fake.server('error', { code: 'RATE_LIMITED', message: '您发得太快了，请稍等一会儿再问。' });
    expect(log.slice(2)).toEqual([
      ['delta', '职工'],
      ['failed', 'RATE_LIMITED', '您发得太快了，请稍等一会儿再问。'],
    ]);
  });

  it('after a drop, sends the question in flight again unless the stored conversation already answers it', () => {
    const { fake, create } = fakeSocket();
    const { log, events } = recordEvents();
    const connection = openChatConnection({ origin: 'http://h', conversation: memory(), events, createSocket: create });
    fake.server('ready', { conversationId: 'c1', messages: [] });
    connection.send('问一');
    fake.server('disconnect', 'transport close');
    fake.server('ready', { conversationId: 'c1', messages: [{ role: 'user', content: '问一' }] });
    expect(fake.emitted).toEqual([
      ['message', { text: '问一' }],
      ['message', { text: '问一' }],
    ]);
    fake.server('disconnect', 'transport close');
    fake.server('ready', {
      conversationId: 'c1',
      messages: [
        { role: 'user', content: '问一' },
        { role: 'assistant', content: '答一' },
      ],
    });
    expect(fake.emitted).toHaveLength(2);
    expect(log.at(-1)).toEqual(['ready', 'c1', true]);
  });

  it('reconnects by itself, with growing delays, when socket.io gave up (server closed the socket)', () => {
    jest.useFakeTimers();
    try {
      const { fake, create } = fakeSocket();
      const connection = openChatConnection({
        origin: 'http://h',
        conversation: memory(),
        events: recordEvents().events,
        createSocket: create,
      });
      fake.active = false;
      fake.server('disconnect', 'io server disconnect');
      jest.advanceTimersByTime(999);
      expect(fake.connects).toBe(0);
      jest.advanceTimersByTime(1);
      expect(fake.connects).toBe(1);
      fake.server('connect_error', new Error('refused'));
      jest.advanceTimersByTime(1999);
      expect(fake.connects).toBe(1);
      jest.advanceTimersByTime(1);
      expect(fake.connects).toBe(2);
      fake.server('connect_error', new Error('refused'));
      connection.close();
      jest.advanceTimersByTime(60_000);
      expect(fake.connects).toBe(2);
      expect(fake.disconnected).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
