import { createWriteBatcher } from './write-batcher';

describe('write batcher', () => {
  it('writes the items of one event-loop turn in one call, later ones in the next, each with its result', async () => {
    const calls: number[][] = [];
    const batcher = createWriteBatcher({
      writeMany: async (items: number[]) => {
        calls.push(items);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return items.map((item) => item * 10);
      },
    });
    const first = [1, 2, 3].map((item) => batcher.write(item));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [4, 5].map((item) => batcher.write(item));
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50]);
    expect(calls).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('keeps batches within maxBatch', async () => {
    const sizes: number[] = [];
    const batcher = createWriteBatcher({ writeMany: async (items: number[]) => (sizes.push(items.length), items), maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.write(item)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('tries the items of a failed batch one by one: only the bad one fails', async () => {
    const batcher = createWriteBatcher({
      writeMany: async (items: string[]) => {
        if (items.includes('bad')) throw new Error('constraint');
        return items;
      },
    });
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((item) => batcher.write(item)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
