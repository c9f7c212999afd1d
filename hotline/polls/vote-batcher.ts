import type { NewVote } from '../../storage';

/**
 * Stores the votes that arrive together in one statement: a vote waits at most until the current event-loop
 * turn ends, or, while a batch is being stored, until that batch is done. Under a burst the database then
 * sees one insert and one commit per batch instead of per vote; a lone vote goes at once. When a batch
 * fails as a whole, its votes are tried one by one, so one bad vote refuses itself alone.
 */
export function createVoteBatcher(options: { storeMany: (votes: NewVote[]) => Promise<boolean[]>; maxBatch?: number }) {
  const maxBatch = options.maxBatch ?? 200;
  let waiting: { vote: NewVote; resolve: (stored: boolean) => void; reject: (error: unknown) => void }[] = [];
  let flushing = false;

  const storeOneByOne = async (batch: typeof waiting) => {
    for (const each of batch) {
      try {
        const [stored] = await options.storeMany([each.vote]);
        each.resolve(stored === true);
      } catch (error) {
        each.reject(error);
      }
    }
  };

  const flush = async () => {
    flushing = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, maxBatch);
        waiting = waiting.slice(batch.length);
        let results: boolean[];
        try {
          results = await options.storeMany(batch.map((each) => each.vote));
        } catch {
          await storeOneByOne(batch);
          continue;
        }
        batch.forEach((each, index) => each.resolve(results[index] === true));
      }
    } finally {
      flushing = false;
    }
  };

  return {
    /** Resolves true when the database stored the vote, false when the voter had already voted. */
    store(vote: NewVote): Promise<boolean> {
      return new Promise<boolean>((resolve, reject) => {
        waiting.push({ vote, resolve, reject });
        // The votes parsed in this turn of the event loop go together; later ones join the next batch.
        if (!flushing && waiting.length === 1) setImmediate(() => void flush());
      });
    },
  };
}
