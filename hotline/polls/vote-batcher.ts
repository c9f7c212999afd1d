import { createWriteBatcher } from '../../common';
import type { NewVote } from '../../storage';

/**
 * Stores the votes that arrive together in one statement (common/write-batcher.ts): under a burst the database
 * sees one insert and one commit per batch instead of per vote; when a batch fails as a whole, its votes are
 * tried one by one, so one bad vote refuses itself alone.
 */
export function createVoteBatcher(options: { storeMany: (votes: NewVote[]) => Promise<boolean[]>; maxBatch?: number }) {
  const batcher = createWriteBatcher({ writeMany: options.storeMany, ...(options.maxBatch ? { maxBatch: options.maxBatch } : {}) });
  return {
    /** Resolves true when the database stored the vote, false when the voter had already voted. */
    store: async (vote: NewVote): Promise<boolean> => (await batcher.write(vote)) === true,
  };
}
