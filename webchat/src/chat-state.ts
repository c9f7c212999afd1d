import type { AnswerDone, Turn } from './protocol';
import { mergeTranscript, type ChatMessage } from './transcript';

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'reconnecting';

export interface ChatState {
  connection: ConnectionStatus;
  messages: ChatMessage[];
  /** A question is on its way or being answered. */
  waiting: boolean;
  /** The last error from the server, shown as given. */
  error: string | undefined;
  lastId: number;
}

export type ChatAction =
  /** Not connected: before the first connection, or after a drop. */
  | { type: 'disconnected' }
  | { type: 'ready'; messages: Turn[]; pendingAnswered: boolean }
  | { type: 'sent'; text: string }
  | { type: 'delta'; text: string }
  | { type: 'done'; answer: AnswerDone }
  | { type: 'failed'; message: string };

export const initialChatState: ChatState = { connection: 'idle', messages: [], waiting: false, error: undefined, lastId: 0 };

const lastStreaming = (messages: ChatMessage[]) => {
  const last = messages[messages.length - 1];
  return last?.role === 'assistant' && last.streaming ? last : undefined;
};

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  let lastId = state.lastId;
  const nextId = () => (lastId += 1);
  switch (action.type) {
    case 'disconnected':
      // A half-streamed answer is dropped: the stored conversation or a retry brings the whole one.
      return {
        ...state,
        connection: state.connection === 'online' || state.connection === 'reconnecting' ? 'reconnecting' : 'connecting',
        messages: state.messages.filter((message) => !message.streaming),
      };
    case 'ready': {
      const messages = mergeTranscript(state.messages, action.messages, nextId);
      return { ...state, connection: 'online', messages, lastId, waiting: state.waiting && !action.pendingAnswered };
    }
    case 'sent': {
      const message: ChatMessage = { id: nextId(), role: 'user', text: action.text, sources: [], suggestions: [], streaming: false };
      return { ...state, messages: [...state.messages, message], lastId, waiting: true, error: undefined };
    }
    case 'delta': {
      const streaming = lastStreaming(state.messages);
      if (streaming) {
        return { ...state, messages: [...state.messages.slice(0, -1), { ...streaming, text: streaming.text + action.text }] };
      }
      const message: ChatMessage = { id: nextId(), role: 'assistant', text: action.text, sources: [], suggestions: [], streaming: true };
      return { ...state, messages: [...state.messages, message], lastId };
    }
    case 'done': {
      const { answer, sources, suggestions, pages } = action.answer;
      const streaming = lastStreaming(state.messages);
      // The final answer is authoritative: its [n] markers are the ones that match `sources`.
      const message: ChatMessage = {
        id: streaming?.id ?? nextId(),
        role: 'assistant',
        text: answer,
        sources,
        suggestions,
        ...(pages && pages.length > 0 ? { pages } : {}),
        streaming: false,
      };
      const messages = streaming ? [...state.messages.slice(0, -1), message] : [...state.messages, message];
      return { ...state, messages, lastId, waiting: false, error: undefined };
    }
    case 'failed':
      return {
        ...state,
        messages: state.messages.map((message) => (message.streaming ? { ...message, streaming: false } : message)),
        waiting: false,
        error: action.message,
      };
  }
}
