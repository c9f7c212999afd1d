import { createHash, randomBytes } from 'node:crypto';
import { AppError, notFound } from '../../common';
import { createMemorySharedState, createSharedRateLimiter, type SharedState } from '../../common';
import type { UnitsRepository } from '../../storage';
import type { PollsRepository } from '../../storage';
import { createExpiringCache } from './expiring-cache';
import { createCountedTallies, createRecountedTallies } from './live-tallies';
import { createVoteBatcher } from './vote-batcher';
import { voteSuggestions } from './vote-suggestions';

export interface PollTally {
  pollId: string;
  options: { unitId: string; votes: number }[];
}

/** Who votes, as the channel vouches for it; never from a request body or a model's tool arguments. */
export interface Voter {
  /** The channel the vote came through ('web', 'wechat', …), recorded with the vote. */
  channel: string;
  /** The channel's own id of the person: the signed cookie's id on the web, the openid on WeChat. */
  userId: string;
  /**
   * True once the channel holds proof that the person keeps this identity. On the web: the signed cookie the
   * server issued came back (a client that drops cookies would otherwise be a new voter at every request).
   */
  established: boolean;
  /**
   * The person's network address where the channel sees it (the web). Votes are throttled per address and
   * stored with its salted hash. Without one (WeChat: every request comes from WeChat's own servers, so the
   * address says nothing about the person) the throttle counts per voter instead.
   */
  address?: string | undefined;
}

export interface CastVote {
  pollId: string;
  unitId: string;
  voter: Voter;
}

export interface VotingDependencies {
  polls: Pick<PollsRepository, 'get' | 'findCurrent' | 'optionUnitIds' | 'castVotes' | 'tally'>;
  units: Pick<UnitsRepository, 'get'>;
  /** Told of every accepted vote (the live tally on socket.io follows it). */
  onVote?: (pollId: string) => void;
  /** Vote attempts per network address (or per voter without one) per hour; 0 disables. Default 500. */
  votesPerAddressPerHour?: number;
  /**
   * Where the throttle counts (Redis with several processes, so that the limit holds for all of them
   * together). Default: this process's memory.
   */
  sharedState?: SharedState;
  /**
   * True when other processes store votes too (several app processes): the tally is then counted by the
   * database (shared by the votes arriving together) instead of in this process's memory.
   */
  otherWriters?: boolean;
  /** How long the poll, its options and a unit's suggestions are kept between reads. Default 1 s. */
  cacheMs?: number;
  /** Told when a check of the tally against the database or a throttle store fails (the vote goes on). */
  onBackgroundError?: (error: unknown) => void;
  /** Salt of the stored address hashes (a secret: an unsalted hash of an IPv4 address is easily reversed). */
  addressSalt?: string;
  now?: () => Date;
}

/** The one voter id of a person on a channel ("web:v_…", "wechat:<openid>"): one vote per poll, whichever way it is cast. */
export const voterIdOf = (voter: Pick<Voter, 'channel' | 'userId'>) => `${voter.channel}:${voter.userId}`;

const notEstablished = (channel: string) =>
  new AppError(
    'BAD_REQUEST',
    channel === 'web' ? '为了保证每人只投一票，请先允许浏览器保存 Cookie，然后再投票一次。' : '暂时无法确认您的身份，这次没有投票。',
  );

/**
 * The column's vote (征集), the one path every channel's votes take (the vote button, Xiaoning on the web and
 * on WeChat, WeChat's 投票 N): the poll must be open, the voter's identity established, the address (or
 * voter) within the hourly throttle, and one vote per voter per poll, enforced by the database's UNIQUE index.
 */
export function createVoting(deps: VotingDependencies) {
  const { polls, units } = deps;
  const now = deps.now ?? (() => new Date());
  const votesPerHour = deps.votesPerAddressPerHour ?? 500;
  const throttle =
    votesPerHour > 0
      ? createSharedRateLimiter({
          state: deps.sharedState ?? createMemorySharedState({ now: () => now().getTime() }),
          name: 'vote',
          limit: votesPerHour,
          windowMs: 60 * 60 * 1000,
          onStoreError: deps.onBackgroundError,
        })
      : undefined;
  const salt = deps.addressSalt ?? randomBytes(32).toString('base64url');
  const addressHash = (address: string) => createHash('sha256').update(`${salt}:${address}`).digest('hex').slice(0, 32);
  // A vote used to read the poll, its options, a full count and the unit besides its insert: now the insert
  // alone, the rest kept for `cacheMs` (administrators' changes in this process drop it at once: `pollsChanged`).
  const cacheMs = deps.cacheMs ?? 1000;
  const ballots = createExpiringCache({
    ttlMs: cacheMs,
    load: async (pollId) => {
      const poll = await polls.get(pollId);
      return poll ? { poll, options: new Set(await polls.optionUnitIds(poll.id)) } : undefined;
    },
  });
  const suggestions = createExpiringCache({
    ttlMs: cacheMs,
    load: async (unitId) => {
      const unit = await units.get(unitId);
      return unit ? voteSuggestions(unit) : [];
    },
  });
  const tallies = deps.otherWriters
    ? createRecountedTallies({ tally: (pollId) => polls.tally(pollId) })
    : createCountedTallies({ tally: (pollId) => polls.tally(pollId), onReconcileError: deps.onBackgroundError });

  const currentPoll = createExpiringCache({
    ttlMs: cacheMs,
    load: async () => {
      const poll = await polls.findCurrent(now());
      if (!poll) return undefined;
      // The names of its options (the counts come from `tallies`).
      const unitNames = new Map((await polls.tally(poll.id)).map((row) => [row.unitId, row.unitName]));
      return { poll, unitNames };
    },
  });
  const batcher = createVoteBatcher({ storeMany: (votes) => polls.castVotes(votes) });

  const tallyOf = async (pollId: string): Promise<PollTally> => ({ pollId, options: await tallies.read(pollId) });

  return {
    /** The poll's tally, every vote stored before the call included (for the live broadcast). */
    tallyOf,

    /** An administrator created, opened or closed a poll: the next vote reads it again. */
    pollsChanged(): void {
      ballots.forget();
      currentPoll.forget();
    },

    /** The open poll with its live tally (every page and /polls client asks): the counts as votes answer them. */
    async current() {
      let found = await currentPoll.get('current');
      // A poll kept from a moment ago may have closed since.
      if (found && found.poll.closesAt <= now()) {
        currentPoll.forget();
        found = await currentPoll.get('current');
      }
      if (!found) return undefined;
      const { poll, unitNames } = found;
      const options = (await tallies.read(poll.id)).map(({ unitId, votes }) => ({
        unitId,
        unitName: unitNames.get(unitId) ?? unitId,
        votes,
      }));
      return { id: poll.id, title: poll.title, closesAt: poll.closesAt, options };
    },

    async cast(vote: CastVote) {
      const { voter } = vote;
      if (!voter.established || voter.userId === '') throw notEstablished(voter.channel);
      // Every attempt counts, accepted or not, so a flood of refused votes is throttled like any other.
      const allowed = await throttle?.hit(voter.address !== undefined ? `address:${voter.address}` : `voter:${voterIdOf(voter)}`);
      if (allowed && !allowed.allowed) {
        throw new AppError('RATE_LIMITED', '这个网络投票太频繁了，请过一会儿再试。', { retryAfterSeconds: allowed.retryAfterSeconds });
      }
      const ballot = await ballots.get(vote.pollId);
      if (!ballot) throw notFound('这一期投票');
      const { poll } = ballot;
      const time = now();
      if (poll.status !== 'open' || time < poll.opensAt || time >= poll.closesAt) {
        throw new AppError(
          'CONFLICT',
          poll.status === 'draft' || time < poll.opensAt ? '这一期投票还没有开始。' : '这一期投票已经结束了。',
        );
      }
      if (!ballot.options.has(vote.unitId)) throw new AppError('UNPROCESSABLE', '这个单位不在本期投票的候选名单里。');
      const accepted = await tallies.record(poll.id, vote.unitId, () =>
        batcher.store({
          pollId: poll.id,
          unitId: vote.unitId,
          voterId: voterIdOf(voter),
          channel: voter.channel,
          ipHash: voter.address !== undefined ? addressHash(voter.address) : null,
        }),
      );
      if (!accepted) throw new AppError('CONFLICT', '您已参与本期投票，感谢支持！每人每期只能投一票。');
      deps.onVote?.(poll.id);
      const [tally, questions] = await Promise.all([tallyOf(poll.id), suggestions.get(vote.unitId)]);
      return { pollId: poll.id, unitId: vote.unitId, tally, suggestions: questions };
    },
  };
}

export type Voting = ReturnType<typeof createVoting>;
