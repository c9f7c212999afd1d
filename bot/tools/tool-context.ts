import { z } from 'zod';
import type { AppealQueries } from '../../hotline';
import type { Voting } from '../../hotline';
import type { Repositories } from '../../storage';

/**
 * Who is asking, from the channel (signed web cookie, WeChat openid, CLI user) — never from what a model
 * writes into tool arguments — and whether the person asked to vote in this very turn.
 */
export const toolContextSchema = z.object({
  channel: z.string(),
  userId: z.string(),
  voteRequested: z.boolean(),
});
export type ToolContext = z.infer<typeof toolContextSchema>;

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
  now?: () => Date;
}

/** Tool results are JSON: models read them as data, never as instructions. */
export const asToolResult = (value: unknown) => JSON.stringify(value);

/** The context of a tool call; a call outside an agent run (no context) is treated as an anonymous one. */
export function contextOf(runtime: unknown): ToolContext {
  const parsed = toolContextSchema.safeParse((runtime as { context?: unknown } | undefined)?.context);
  return parsed.success ? parsed.data : { channel: 'unknown', userId: '', voteRequested: false };
}
