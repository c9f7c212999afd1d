import { AppError, notFound } from '../../common';
import type { UnitsRepository } from '../../storage';
import type { PollsRepository } from '../../storage';
import { voteSuggestions } from './vote-suggestions';

export interface PollTally {
  pollId: string;
  options: { unitId: string; votes: number }[];
}

export interface CastVote {
  pollId: string;
  unitId: string;
  /** From the channel's identity (signed cookie, WeChat openid, bot user): never from a request body. */
  voterId: string;
  channel: string;
  ipHash?: string | undefined;
}

export interface VotingDependencies {
  polls: PollsRepository;
  units: UnitsRepository;
  /** Told of every accepted vote (the live tally on socket.io follows it). */
  onVote?: (pollId: string) => void;
  now?: () => Date;
}

/** The column's vote (征集): one vote per voter per poll, enforced by the database's UNIQUE index. */
export function createVoting(deps: VotingDependencies) {
  const { polls, units } = deps;
  const now = deps.now ?? (() => new Date());

  const tallyOf = async (pollId: string): Promise<PollTally> => ({
    pollId,
    options: (await polls.tally(pollId)).map(({ unitId, votes }) => ({ unitId, votes })),
  });

  return {
    tallyOf,

    async current() {
      const poll = await polls.findCurrent(now());
      if (!poll) return undefined;
      return { id: poll.id, title: poll.title, closesAt: poll.closesAt, options: await polls.tally(poll.id) };
    },

    async cast(vote: CastVote) {
      const poll = await polls.get(vote.pollId);
      if (!poll) throw notFound('这一期投票');
      const time = now();
      if (poll.status !== 'open' || time < poll.opensAt || time >= poll.closesAt) {
        throw new AppError(
          'CONFLICT',
          poll.status === 'draft' || time < poll.opensAt ? '这一期投票还没有开始。' : '这一期投票已经结束了。',
        );
      }
      const options = await polls.optionUnitIds(poll.id);
      if (!options.includes(vote.unitId)) throw new AppError('UNPROCESSABLE', '这个单位不在本期投票的候选名单里。');
      const accepted = await polls.castVote({
        pollId: poll.id,
        unitId: vote.unitId,
        voterId: vote.voterId,
        channel: vote.channel,
        ipHash: vote.ipHash ?? null,
      });
      if (!accepted) throw new AppError('CONFLICT', '您已参与本期投票，感谢支持！每人每期只能投一票。');
      deps.onVote?.(poll.id);
      const tally = await tallyOf(poll.id);
      const unit = await units.get(vote.unitId);
      return { pollId: poll.id, unitId: vote.unitId, tally, suggestions: unit ? voteSuggestions(unit) : [] };
    },
  };
}

export type Voting = ReturnType<typeof createVoting>;
