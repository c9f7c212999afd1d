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
  /** The column's public address (PUBLIC_BASE_URL) when set: the widget links sources and 我要留言 there. */
  columnUrl?: string;
}

/** A piece of the answer as it is written. */
export interface ChatDelta {
  text: string;
}

/** A page of the column that shows more of a data answer (往期回顾, 诉求数据分析): a path on the column's address. */
export interface ChatColumnPage {
  label: string;
  path: string;
}

export interface ChatAnswerDone {
  conversationId: string;
  answer: string;
  sources: ChatSource[];
  suggestions: string[];
  refused: boolean;
  /** Absent from older servers. */
  pages?: ChatColumnPage[];
}

/** A problem for the person to read: `message` is plain Chinese; `code` is an error code (or BUSY). */
export interface ChatError {
  code: string;
  message: string;
}

/**
 * Client → server, event `audio:start`: one spoken question begins. The only format accepted is what the
 * widget's AudioWorklet produces: 16 kHz, mono, 16-bit little-endian PCM, sent as binary `audio:chunk`s
 * (at most 60 s and 2 MB per utterance) and closed by `audio:end`.
 */
export interface AudioStart {
  sampleRate: 16000;
  channels: 1;
  encoding: 'pcm_s16le';
}

/** The audio format of `audio:start`, as a value both ends use. */
export const speechAudioFormat: AudioStart = { sampleRate: 16000, channels: 1, encoding: 'pcm_s16le' };

/** Server → client: the text recognised so far (`audio:partial`) or in the end (`audio:final`). */
export interface AudioText {
  text: string;
}

/** What the server emits, for socket.io's typed sockets. */
export interface ChatServerEvents {
  ready: (payload: ChatReady) => void;
  'answer:delta': (payload: ChatDelta) => void;
  'answer:done': (payload: ChatAnswerDone) => void;
  error: (payload: ChatError) => void;
  'audio:partial': (payload: AudioText) => void;
  'audio:final': (payload: AudioText) => void;
  /** The utterance failed (not heard, voice not configured, the speech service down): plain Chinese, the text box still works. */
  'audio:error': (payload: ChatError) => void;
}

/** What the widget emits. */
export interface ChatClientEvents {
  message: (payload: ChatMessage) => void;
  'audio:start': (payload: AudioStart) => void;
  'audio:chunk': (pcm: ArrayBuffer) => void;
  'audio:end': () => void;
}

/**
 * A page asks the widget on the same page to open and put a question to Xiaoning (the column's 无感引导):
 * `window.dispatchEvent(new CustomEvent(askXiaoningEvent, { detail: { question } }))`.
 */
export const askXiaoningEvent = 'xiaoning:ask';

export interface AskXiaoningDetail {
  question: string;
}
