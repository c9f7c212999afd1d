import type { RememberedValue } from '../src/remembered-value';

/** What this browser remembers of its vote in a poll, so a reload still shows 已投票 and the questions. */
export interface RememberedVote {
  unitId: string | undefined;
  suggestions: string[];
}

const readAll = (value: RememberedValue): Record<string, RememberedVote> => {
  try {
    const parsed: unknown = JSON.parse(value.get() ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, RememberedVote>) : {};
  } catch {
    return {};
  }
};

export function rememberedVotes(value: RememberedValue) {
  return {
    get(pollId: string): RememberedVote | undefined {
      const vote = readAll(value)[pollId];
      if (typeof vote !== 'object' || vote === null) return undefined;
      return {
        unitId: typeof vote.unitId === 'string' ? vote.unitId : undefined,
        suggestions: Array.isArray(vote.suggestions) ? vote.suggestions.filter((item) => typeof item === 'string').slice(0, 4) : [],
      };
    },
    set(pollId: string, vote: RememberedVote): void {
      // Only the latest few polls: older ones are closed anyway.
      const entries = Object.entries(readAll(value))
        .filter(([id]) => id !== pollId)
        .slice(-4);
      value.set(JSON.stringify(Object.fromEntries([...entries, [pollId, vote]])));
    },
  };
}

export type RememberedVotes = ReturnType<typeof rememberedVotes>;
