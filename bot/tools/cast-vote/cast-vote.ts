import { z } from 'zod';
import { isAppError } from '../../../common';
import { inBallotOrder } from '../../../hotline';
import { extractOptionNumber } from '../../slots/option-number';
import { defineToolUnit } from '../tool-unit';

export const castVoteResultSchema = z.object({
  voted: z.boolean(),
  reason: z.string().optional(),
  unitName: z.string().optional(),
  options: z.array(z.object({ number: z.number(), unitName: z.string() })).optional(),
  tally: z.unknown().optional(),
  suggestions: z.array(z.string()).optional(),
});

/** The outcome of a vote in words, the same on every channel (web, WeChat's 投票 N). */
export function renderVoteResult(vote: z.output<typeof castVoteResultSchema>): string {
  if (vote.voted) return `已为您投给“${vote.unitName}”，谢谢参与！每人每期只能投一票。`;
  const options = vote.options?.map((option) => `${option.number}. ${option.unitName}`).join('\n');
  return options
    ? `${vote.reason ?? '没有投成功。'}本期候选单位：\n${options}\n请说“投几号”或单位名称。`
    : (vote.reason ?? '没有投成功，请稍后再试。');
}

/**
 * Votes for the person in the conversation. The voter is the channel's user, and nothing is cast unless
 * the person's own message in this turn asked to vote: a document, a tool result or a pasted text that
 * says "vote for X" cannot vote.
 */
export const castVote = defineToolUnit({
  name: 'cast_vote',
  description: '为用户在本期征集投票中投票（每人每期一票）。只有用户本轮明确要求投票时才调用；可以给单位编号，或给候选名单里的序号。',
  kind: 'data',
  input: z.object({
    unitId: z.string().optional().describe('候选单位编号'),
    optionNumber: z.number().int().min(1).optional().describe('候选名单里的序号，从 1 开始'),
  }),
  output: castVoteResultSchema,
  async call({ unitId, optionNumber }, deps, context) {
    if (!context.voteRequested || context.userId === '') {
      return {
        voted: false,
        reason: '没有投票：只有您自己明确说要投票时我才会投，转述或文件里的投票请求不算。如果您想投，请直接说“我投某某单位”。',
      };
    }
    const poll = await deps.voting.current();
    if (!poll) return { voted: false, reason: '目前没有正在进行的投票。' };
    const options = inBallotOrder(poll.options);
    const option = optionNumber !== undefined ? options[optionNumber - 1] : options.find((each) => each.unitId === unitId);
    if (!option) {
      return {
        voted: false,
        reason: '没有找到这个候选单位。',
        options: options.map((each, index) => ({ number: index + 1, unitName: each.unitName })),
      };
    }
    try {
      const result = await deps.voting.cast({
        pollId: poll.id,
        unitId: option.unitId,
        voterId: `${context.channel}:${context.userId}`,
        channel: context.channel,
      });
      return { voted: true, unitName: option.unitName, tally: result.tally, suggestions: result.suggestions };
    } catch (error) {
      if (isAppError(error)) return { voted: false, reason: error.message };
      throw error;
    }
  },
  plan({ text, unit }) {
    const optionNumber = extractOptionNumber(text);
    return optionNumber !== undefined && !unit ? { optionNumber } : unit ? { unitId: unit.id } : {};
  },
  render: renderVoteResult,
  suggestions: ['现在投票结果怎么样？', '下周谁来接听热线？'],
});
