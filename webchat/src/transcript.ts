import type { ColumnPage, Source, Turn } from './protocol';

export interface ChatMessage {
  id: number;
  role: 'user' | 'assistant';
  text: string;
  sources: Source[];
  suggestions: string[];
  /** Pages of the column that show more (往期回顾, 诉求数据分析). */
  pages?: ColumnPage[];
  /** True while answer deltas are still arriving. */
  streaming: boolean;
}

const sameTurn = (message: ChatMessage, turn: Turn) => message.role === turn.role && message.text.trim() === turn.content.trim();

/**
 * The transcript after (re)connecting: what is on screen, completed by what the server stored. The
 * server sends only the latest turns and no sources, so messages already on screen are kept (their
 * citations stay clickable) and only turns the widget has not seen (e.g. an answer finished while the
 * connection was down) are appended. With no overlap at all, the server's copy is the conversation.
 */
export function mergeTranscript(local: ChatMessage[], restored: Turn[], nextId: () => number): ChatMessage[] {
  const settled = local.filter((message) => !message.streaming);
  const fresh = (turns: Turn[]) =>
    turns.map((turn) => ({ id: nextId(), role: turn.role, text: turn.content, sources: [], suggestions: [], streaming: false }));
  if (restored.length === 0) return settled;
  for (let start = 0; start < settled.length; start += 1) {
    const tail = settled.slice(start);
    const overlap = Math.min(tail.length, restored.length);
    let matches = true;
    for (let index = 0; index < overlap && matches; index += 1) matches = sameTurn(tail[index], restored[index]);
    if (matches) return [...settled, ...fresh(restored.slice(overlap))];
  }
  return fresh(restored);
}

/** Whether the stored conversation already holds an answer to `question` (so it must not be sent again). */
export function isAnswered(restored: Turn[], question: string): boolean {
  for (let index = restored.length - 1; index >= 0; index -= 1) {
    if (restored[index].role === 'user' && restored[index].content.trim() === question.trim()) {
      return restored[index + 1]?.role === 'assistant';
    }
  }
  return false;
}
