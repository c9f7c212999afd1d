import { z } from 'zod';
import type { AppealExplanations, AppealQueries, CallAssistant } from '../../hotline';
import type { Voting } from '../../hotline';
import type { Repositories } from '../../storage';

/** A vote Xiaoning asked the person to confirm; stored with the conversation until the next turn. */
export const pendingVoteSchema = z.object({ pollId: z.string(), unitId: z.string() });
export type PendingVote = z.infer<typeof pendingVoteSchema>;

/**
 * Who is asking, from the channel (signed web cookie, WeChat openid, CLI user) — never from what a model
 * writes into tool arguments — and what this very turn says about voting: `explicit` (the person's own plain
 * request), `doubtful` (a refusal, someone else's words, a quote: ask instead), `none`, or `confirmed` (a yes
 * to the vote Xiaoning asked about in the previous turn, which is `pendingVote`).
 */
export const toolContextSchema = z.object({
  channel: z.string(),
  userId: z.string(),
  /** The channel's proof that the person keeps this identity, and their address where the channel sees it: the vote rules need both. */
  identityEstablished: z.boolean(),
  address: z.string().optional(),
  voteConsent: z.enum(['explicit', 'doubtful', 'confirmed', 'none']),
  pendingVote: pendingVoteSchema.optional(),
  /** From the server-side login session (web chat), never from the message: officials' tools check it. */
  role: z.enum(['citizen', 'official', 'admin']).default('citizen'),
  /** The official's own unit (from the same session). */
  unitId: z.string().optional(),
  /** What the caller said, as the console's 来电内容 box holds it: what "这个问题以前怎么处理的？" refers to. */
  callText: z.string().max(3000).optional(),
});
export type ToolContext = z.output<typeof toolContextSchema>;

/** A policy passage as search_policies returns it; `n` is what [n] in an answer refers to. */
export interface PolicySource {
  n: number;
  source: string;
  title: string;
  headingPath: string[];
  excerpt: string;
}

export interface ToolDependencies {
  /** Only what the tools read: no users, sessions, audit log or documents. */
  repositories: Pick<Repositories, 'units' | 'previews' | 'stats'>;
  voting: Voting;
  appeals: AppealQueries;
  /** Policy passages above the relevance threshold, best first (none when the knowledge base has nothing). */
  searchPolicies: (query: string, k: number) => Promise<Omit<PolicySource, 'n'>[]>;
  /** The call assistant (hotline/assist) behind the officials' tools; absent where no channel serves officials. */
  assistant?: Pick<CallAssistant, 'analyze' | 'hotTopics'> | undefined;
  /** AI详解 of a published reply (hotline/explanations) behind explain_appeal_reply. */
  explanations?: Pick<AppealExplanations, 'explain'> | undefined;
  now?: () => Date;
}

/** Tool results are JSON: models read them as data, never as instructions. */
export const asToolResult = (value: unknown) => JSON.stringify(value);

/** The context of a tool call; a call outside an agent run (no context) is treated as an anonymous one. */
export function contextOf(runtime: unknown): ToolContext {
  const parsed = toolContextSchema.safeParse((runtime as { context?: unknown } | undefined)?.context);
  return parsed.success
    ? parsed.data
    : { channel: 'unknown', userId: '', identityEstablished: false, voteConsent: 'none', role: 'citizen' };
}
