/**
 * The `/chat` socket.io contract (see channels/web). Payloads come from the network, so each reader checks
 * only the fields the widget uses and drops anything malformed instead of throwing inside an event handler.
 */

export interface Source {
  source: string;
  title: string;
  headingPath: string[];
  excerpt: string;
}

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ReadyPayload {
  conversationId: string | null;
  messages: Turn[];
}

export interface AnswerDone {
  conversationId: string;
  answer: string;
  sources: Source[];
  suggestions: string[];
  refused: boolean;
}

export interface ServerError {
  code: string;
  message: string;
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export function readReady(payload: unknown): ReadyPayload | undefined {
  if (!isObject(payload)) return undefined;
  const messages = Array.isArray(payload.messages) ? payload.messages : [];
  return {
    conversationId: typeof payload.conversationId === 'string' && payload.conversationId !== '' ? payload.conversationId : null,
    messages: messages.flatMap((message): Turn[] =>
      isObject(message) && (message.role === 'user' || message.role === 'assistant') && typeof message.content === 'string'
        ? [{ role: message.role, content: message.content }]
        : [],
    ),
  };
}

export function readDelta(payload: unknown): string | undefined {
  return isObject(payload) && typeof payload.text === 'string' ? payload.text : undefined;
}

export function readAnswerDone(payload: unknown): AnswerDone | undefined {
  if (!isObject(payload) || typeof payload.answer !== 'string') return undefined;
  const sources = Array.isArray(payload.sources) ? payload.sources : [];
  return {
    conversationId: text(payload.conversationId),
    answer: payload.answer,
    sources: sources.filter(isObject).map((source) => ({
      source: text(source.source),
      title: text(source.title) || text(source.source),
      headingPath: texts(source.headingPath),
      excerpt: text(source.excerpt),
    })),
    suggestions: texts(payload.suggestions).filter((suggestion) => suggestion.trim() !== ''),
    refused: payload.refused === true,
  };
}

/** The server's message is already written for people (Chinese); only a missing one gets a fallback. */
export function readServerError(payload: unknown): ServerError {
  const fallback = '小宁暂时出了点问题，请稍后再试，或直接拨打12345热线。';
  if (!isObject(payload)) return { code: 'INTERNAL', message: fallback };
  return { code: text(payload.code) || 'INTERNAL', message: text(payload.message) || fallback };
}
