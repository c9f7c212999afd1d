import { ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { pendingVoteSchema, type PendingVote } from './tools/tool-context';

/** How long Xiaoning's question "要为…投一票吗？" waits for its "确认". */
const lifetimeMs = 10 * 60_000;
const askedSchema = z.object({ confirm: pendingVoteSchema });
const storedSchema = z.object({ pendingVote: pendingVoteSchema });

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The vote the cast_vote tool asked the person to confirm in this run (the messages the run added), if any. */
export function pendingVoteAsked(added: BaseMessage[]): PendingVote | undefined {
  for (const message of added) {
    if (!ToolMessage.isInstance(message) || message.name !== 'cast_vote' || typeof message.content !== 'string') continue;
    const asked = askedSchema.safeParse(parseJson(message.content));
    if (asked.success) return { pollId: asked.data.confirm.pollId, unitId: asked.data.confirm.unitId };
  }
  return undefined;
}

/**
 * The pending vote is stored in the conversation, as a `tool` message after the answer that asked: every
 * process sees it, and it lapses by itself once the conversation moves on (it is no longer the last message).
 */
export const pendingVoteMessage = (vote: PendingVote) => ({ role: 'tool' as const, content: JSON.stringify({ pendingVote: vote }) });

/** The vote waiting for a yes, when the conversation's last stored message is that question's record and still fresh. */
export function pendingVoteIn(
  lastMessage: { role: string; content: string; createdAt: Date } | undefined,
  now: Date,
): PendingVote | undefined {
  if (lastMessage?.role !== 'tool' || now.getTime() - lastMessage.createdAt.getTime() > lifetimeMs) return undefined;
  const stored = storedSchema.safeParse(parseJson(lastMessage.content));
  return stored.success ? stored.data.pendingVote : undefined;
}
