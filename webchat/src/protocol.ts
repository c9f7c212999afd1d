import type { ChatAnswerDone, ChatColumnPage, ChatError, ChatReady, ChatSource, ChatTurn } from '../../common/chat-protocol';
import { somethingWentWrong } from '../../common/person-message';

/**
 * Reading the `/chat` contract (declared once in common/chat-protocol.ts, shared with the server).
 * Payloads come from the network, so each reader checks only the fields the widget uses and drops
 * anything malformed instead of throwing inside an event handler.
 */

export type Source = ChatSource;
export type ColumnPage = ChatColumnPage;
export type Turn = ChatTurn;
export type ReadyPayload = ChatReady;
export type AnswerDone = ChatAnswerDone;
export type ServerError = ChatError;

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
    ...(typeof payload.columnUrl === 'string' && /^https?:\/\//.test(payload.columnUrl)
      ? { columnUrl: payload.columnUrl.replace(/\/+$/, '') }
      : {}),
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
    // Only paths on the column itself: a page link never leaves the site.
    pages: (Array.isArray(payload.pages) ? payload.pages : [])
      .filter(isObject)
      .map((page) => ({ label: text(page.label), path: text(page.path) }))
      .filter((page) => page.label !== '' && /^\/(?!\/)/.test(page.path)),
  };
}

/** The server's message is already written for people (Chinese); only a missing one gets a fallback. */
export function readServerError(payload: unknown): ServerError {
  if (!isObject(payload)) return { code: 'INTERNAL', message: somethingWentWrong };
  return { code: text(payload.code) || 'INTERNAL', message: text(payload.message) || somethingWentWrong };
}
