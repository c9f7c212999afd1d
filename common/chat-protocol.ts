/**
 * The web chat's socket.io contract, declared once for both ends: the server (channels/web) and the widget
 * (webchat/). Types only, apart from the namespace's name: each side still checks what it receives, since
 * it comes from the network (the server with zod, the widget with its lenient readers).
 */

/** Where the chat lives on the app's socket.io server. */
export const chatNamespace = '/chat';

/** A document passage an answer cites. */
export interface ChatSource {
  source: string;
  title: string;
  headingPath: string[];
  excerpt: string;
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** Client → server, event `message`: one question. */
export interface ChatMessage {
  text: string;
  /**
   * The officials' console sends its 来电内容 along, for "这个问题以前怎么处理的？". It is only text to analyse:
   * who may have it analysed is decided by the server from the login session, never by the client.
   */
  callText?: string;
}

/** Server → client on connecting: the conversation resumed (null when none was or it is not theirs) and its last turns. */
export interface ChatReady {
  conversationId: string | null;
  messages: ChatTurn[];
}

/** A piece of the answer as it is written. */
export interface ChatDelta {
  text: string;
}

export interface ChatAnswerDone {
  conversationId: string;
  answer: string;
  sources: ChatSource[];
  suggestions: string[];
  refused: boolean;
}

/** A problem for the person to read: `message` is plain Chinese; `code` is an error code (or BUSY). */
export interface ChatError {
  code: string;
  message: string;
}

/** What the server emits, for socket.io's typed sockets. */
export interface ChatServerEvents {
  ready: (payload: ChatReady) => void;
  'answer:delta': (payload: ChatDelta) => void;
  'answer:done': (payload: ChatAnswerDone) => void;
  error: (payload: ChatError) => void;
}

/** What the widget emits. */
export interface ChatClientEvents {
  message: (payload: ChatMessage) => void;
}

/**
 * A page asks the widget on the same page to open and put a question to Xiaoning (the column's 无感引导):
 * `window.dispatchEvent(new CustomEvent(askXiaoningEvent, { detail: { question } }))`.
 */
export const askXiaoningEvent = 'xiaoning:ask';

export interface AskXiaoningDetail {
  question: string;
}
