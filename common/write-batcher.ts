/**
 * Writes the items that arrive together in one call: an item waits at most until the current event-loop turn
 * ends, or, while a batch is being written, until that batch is done. Under load the database then sees one
 * statement and one commit per batch instead of per item; a lone item goes at once. When a batch fails as a
 * whole, its items are tried one by one, so one bad item fails alone.
 */
export function createWriteBatcher<Item, Result>(options: { writeMany: (items: Item[]) => Promise<Result[]>; maxBatch?: number }) {
  const maxBatch = options.maxBatch ?? 200;
  type Waiting = { item: Item; resolve: (result: Result | undefined) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let flushing = false;

  const writeOneByOne = async (batch: Waiting[]) => {
    for (const each of batch) {
      try {
        const [result] = await options.writeMany([each.item]);
        each.resolve(result);
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
        let results: Result[];
        try {
          results = await options.writeMany(batch.map((each) => each.item));
        } catch {
          await writeOneByOne(batch);
          continue;
        }
        batch.forEach((each, index) => each.resolve(results[index]));
      }
    } finally {
      flushing = false;
    }
  };

  return {
    /** Resolves with the item's result once its batch is written (undefined when `writeMany` gave none for it). */
    write(item: Item): Promise<Result | undefined> {
      return new Promise((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        // The items of this turn of the event loop go together; later ones join the next batch.
        if (!flushing && waiting.length === 1) setImmediate(() => void flush());
      });
    },
  };
}
