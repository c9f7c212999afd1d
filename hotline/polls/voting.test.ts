import { isAppError } from '../../common';
import type { NewVote, Poll } from '../../storage';
import { createVoting, type Voter } from './voting';

const now = new Date('2026-11-24T02:00:00Z');
const poll: Poll = {
  id: 'poll-1',
  title: '下期接线单位征集',
  opensAt: new Date('2026-11-01T00:00:00Z'),
  closesAt: new Date('2026-12-01T00:00:00Z'),
  status: 'open',
} as Poll;

/** Polls and units in memory, recording the votes the database would receive. */
function setup(options: { votesPerAddressPerHour?: number } = {}) {
  const stored: NewVote[] = [];
  const voting = createVoting({
    polls: {
      get: async (id) => (id === poll.id ? poll : undefined),
      findCurrent: async () => poll,
      optionUnitIds: async () => ['cgj', 'zrx'],
      castVotes: async (votes) =>
        votes.map((vote) => {
          if (stored.some((each) => each.pollId === vote.pollId && each.voterId === vote.voterId)) return false;
          stored.push(vote);
          return true;
        }),
      tally: async () => [],
    },
    units: { get: async () => undefined },
    votesPerAddressPerHour: options.votesPerAddressPerHour ?? 3,
    addressSalt: 'salt-for-tests',
    now: () => now,
  });
  const failureOf = (voter: Voter, unitId = 'cgj') =>
    voting.cast({ pollId: poll.id, unitId, voter }).then(
      () => undefined,
      (error: unknown) => (isAppError(error) ? `${error.code} ${error.message}` : String(error)),
    );
  return { voting, stored, failureOf };
}

describe('the one vote path (hotline/polls/voting.ts)', () => {
  it('refuses a voter whose identity is not established, before anything is counted or stored', async () => {
    const { stored, failureOf } = setup({ votesPerAddressPerHour: 1 });
    expect(await failureOf({ channel: 'web', userId: 'v_new', established: false, address: '198.51.100.7' })).toBe(
      'BAD_REQUEST 为了保证每人只投一票，请先允许浏览器保存 Cookie，然后再投票一次。',
    );
    expect(await failureOf({ channel: 'web', userId: '', established: true, address: '198.51.100.7' })).toMatch(/^BAD_REQUEST/);
    expect(stored).toEqual([]);
    // Refused identities did not use up the address's budget.
    expect(await failureOf({ channel: 'web', userId: 'v_kept', established: true, address: '198.51.100.7' })).toBeUndefined();
  });

  it('builds the voter id in one place, records the channel and a salted address hash (none without an address)', async () => {
    const { stored, failureOf } = setup();
    await failureOf({ channel: 'web', userId: 'v_a', established: true, address: '198.51.100.7' });
    await failureOf({ channel: 'wechat', userId: 'oPerson', established: true }, 'zrx');
    expect(stored).toEqual([
      { pollId: 'poll-1', unitId: 'cgj', voterId: 'web:v_a', channel: 'web', ipHash: expect.stringMatching(/^[0-9a-f]{32}$/) },
      { pollId: 'poll-1', unitId: 'zrx', voterId: 'wechat:oPerson', channel: 'wechat', ipHash: null },
    ]);
    expect(stored[0]!.ipHash).not.toContain('198');
    // One vote per voter and poll, whichever channel's path the second try takes.
    expect(await failureOf({ channel: 'wechat', userId: 'oPerson', established: true })).toMatch(/^CONFLICT 您已参与本期投票/);
  });

  it('throttles attempts per address across voters, and per voter where the channel has no address (WeChat)', async () => {
    const { stored, failureOf } = setup({ votesPerAddressPerHour: 3 });
    const fromOneAddress = await Promise.all(
      ['v_1', 'v_2', 'v_3', 'v_4', 'v_5'].map((userId) => failureOf({ channel: 'web', userId, established: true, address: '203.0.113.5' })),
    );
    expect(fromOneAddress.filter((failure) => failure === undefined)).toHaveLength(3);
    expect(fromOneAddress.filter((failure) => failure === 'RATE_LIMITED 这个网络投票太频繁了，请过一会儿再试。')).toHaveLength(2);
    // WeChat's requests all come from WeChat's servers: openids are not throttled as one address.
    for (const openid of ['o1', 'o2', 'o3', 'o4', 'o5'])
      expect(await failureOf({ channel: 'wechat', userId: openid, established: true })).toBeUndefined();
    // One openid's own attempts are.
    const again = [];
    for (let attempt = 0; attempt < 3; attempt += 1) again.push(await failureOf({ channel: 'wechat', userId: 'o1', established: true }));
    expect(again.at(-1)).toMatch(/^RATE_LIMITED/);
    expect(stored).toHaveLength(8);
  });

  it('0 disables the throttle', async () => {
    const { failureOf } = setup({ votesPerAddressPerHour: 0 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        failureOf({ channel: 'web', userId: `v_${index}`, established: true, address: '203.0.113.5' }),
      ),
    );
    expect(results.every((failure) => failure === undefined)).toBe(true);
  });
});
