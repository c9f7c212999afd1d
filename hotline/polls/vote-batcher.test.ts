import type { NewVote } from '../../storage';
import { createVoteBatcher } from './vote-batcher';

const vote = (voterId: string, unitId = 'a'): NewVote => ({ pollId: 'poll', voterId, unitId, channel: 'web' });

describe('vote batcher (hotline/polls/vote-batcher.ts)', () => {
  it('stores the votes that arrive together in one call, and later ones in the next', async () => {
    const calls: string[][] = [];
    const batcher = createVoteBatcher({
      storeMany: async (votes) => {
        calls.push(votes.map((each) => each.voterId));
        await new Promise((resolve) => setTimeout(resolve, 5));
        return votes.map((each) => each.voterId !== 'known');
      },
    });
    const first = ['v1', 'v2', 'known'].map((voterId) => batcher.store(vote(voterId)));
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['v3', 'v4'].map((voterId) => batcher.store(vote(voterId)));
    expect(await Promise.all([...first, ...later])).toEqual([true, true, false, true, true]);
    expect(calls).toEqual([
      ['v1', 'v2', 'known'],
      ['v3', 'v4'],
    ]);
  });

  it('tries the votes of a failed batch one by one: only the bad one fails', async () => {
    const batcher = createVoteBatcher({
      storeMany: async (votes) => {
        if (votes.some((each) => each.unitId === 'gone')) throw new Error('foreign key');
        return votes.map(() => true);
      },
    });
    const results = await Promise.allSettled([batcher.store(vote('v1')), batcher.store(vote('v2', 'gone')), batcher.store(vote('v3'))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
