import { z } from 'zod';
import { chinaDateTime } from '../../../common';
import { inBallotOrder, type Voting } from '../../../hotline';
import { defineToolUnit } from '../tool-unit';

export const pollResultsSchema = z.object({
  poll: z
    .object({
      title: z.string(),
      closesAt: z.string(),
      options: z.array(z.object({ number: z.number(), unitId: z.string(), unitName: z.string(), votes: z.number() })),
    })
    .nullable(),
});

/** The tally in words, the same on every channel (web, WeChat's 结果). */
export function renderPollResults({ poll }: z.output<typeof pollResultsSchema>, howToVote = '想投票可以说“投几号”。'): string {
  if (!poll) return '目前没有正在进行的投票。';
  const lines = poll.options.map((option) => `${option.number}. ${option.unitName}：${option.votes}票`);
  return `${poll.title}\n${lines.join('\n')}\n投票截止到${chinaDateTime(new Date(poll.closesAt))}。${howToVote}`;
}

/** The open poll's tally in ballot order, as every channel shows it. */
export async function pollResultsOf(voting: Pick<Voting, 'current'>): Promise<z.input<typeof pollResultsSchema>> {
  const poll = await voting.current();
  if (!poll) return { poll: null };
  return {
    poll: {
      title: poll.title,
      closesAt: poll.closesAt.toISOString(),
      options: inBallotOrder(poll.options).map((option, index) => ({
        number: index + 1,
        unitId: option.unitId,
        unitName: option.unitName,
        votes: option.votes,
      })),
    },
  };
}

export const getPollResults = defineToolUnit({
  name: 'get_poll_results',
  description: '查询本期征集投票：候选单位（带序号）、实时票数和截止时间。',
  kind: 'data',
  input: z.object({}),
  output: pollResultsSchema,
  call: (_input, deps) => pollResultsOf(deps.voting),
  plan: () => ({}),
  render: (results) => renderPollResults(results),
  suggestions: ['我要投票', '下周谁来接听热线？'],
});
