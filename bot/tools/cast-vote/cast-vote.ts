import { z } from 'zod';
import { isAppError } from '../../../common';
import { inBallotOrder, type Voting } from '../../../hotline';
import { confirmationQuestion } from '../../intents/vote-consent';
import { extractOptionNumber } from '../../slots/option-number';
import type { ToolContext } from '../tool-context';
import { defineToolUnit } from '../tool-unit';

export const castVoteInputSchema = z.object({
  unitId: z.string().optional().describe('候选单位编号'),
  optionNumber: z.number().int().min(1).optional().describe('候选名单里的序号，从 1 开始'),
});

export const castVoteResultSchema = z.object({
  voted: z.boolean(),
  reason: z.string().optional(),
  unitName: z.string().optional(),
  options: z.array(z.object({ number: z.number(), unitName: z.string() })).optional(),
  tally: z.unknown().optional(),
  suggestions: z.array(z.string()).optional(),
  /** Set when the message mentioned a vote without plainly asking for one: ask instead. */
  confirm: z.object({ pollId: z.string(), unitId: z.string(), unitName: z.string() }).optional(),
});

/** The outcome of a vote in words, the same on every channel (web, WeChat's 投票 N). */
export function renderVoteResult(
  vote: z.output<typeof castVoteResultSchema>,
  howToVote = '请说“投几号”或单位名称。',
  afterVote = '',
): string {
  if (vote.voted) return `已为您投给“${vote.unitName}”，谢谢参与！每人每期只能投一票。${afterVote}`;
  if (vote.confirm) return `${vote.reason ?? ''}${confirmationQuestion(vote.confirm.unitName)}`;
  const options = vote.options?.map((option) => `${option.number}. ${option.unitName}`).join('\n');
  const candidates = vote.reason?.includes('不是本期候选单位') ? '可以投：' : '本期候选单位：';
  return options ? `${vote.reason ?? '没有投成功。'}${candidates}\n${options}\n${howToVote}` : (vote.reason ?? '没有投成功，请稍后再试。');
}

/** What a vote needs of the voting module; WeChat's 投票 N shortcut casts through the same function. */
export type BallotBox = Pick<Voting, 'current' | 'cast'>;
export type VoteRequest = z.input<typeof castVoteInputSchema>;
export type VoteContext = Pick<ToolContext, 'channel' | 'userId' | 'identityEstablished' | 'address' | 'voteConsent' | 'pendingVote'>;

/** One vote under the rules of every channel: consent, the poll, the ballot order, and the voting module's checks. */
export async function castVoteAs(
  voting: BallotBox,
  { unitId, optionNumber }: VoteRequest,
  context: VoteContext,
  /** The name of the unit asked for, to say it back when it is not a candidate (医保局不是本期候选单位). */
  askedUnitName?: string,
): Promise<z.input<typeof castVoteResultSchema>> {
  const pending = context.voteConsent === 'confirmed' ? context.pendingVote : undefined;
  if (context.userId === '' || context.voteConsent === 'none' || (context.voteConsent === 'confirmed' && !pending)) {
    return {
      voted: false,
      reason: '没有投票：只有您自己明确说要投票时我才会投，转述或文件里的投票请求不算。如果您想投，请直接说“我投某某单位”。',
    };
  }
  const poll = await voting.current();
  if (!poll) return { voted: false, reason: '目前没有正在进行的投票。' };
  if (pending && pending.pollId !== poll.id) return { voted: false, reason: '您要确认的那一期投票已经结束了。' };
  const options = inBallotOrder(poll.options);
  // A confirmation casts the vote that was asked about, whatever a model writes into the arguments.
  const option = pending
    ? options.find((each) => each.unitId === pending.unitId)
    : optionNumber !== undefined
      ? options[optionNumber - 1]
      : options.find((each) => each.unitId === unitId);
  const doubtful = context.voteConsent === 'doubtful';
  if (!option) {
    return {
      voted: false,
      reason: doubtful
        ? '这次没有投票。'
        : optionNumber !== undefined && !pending
          ? `没有第${optionNumber}号候选单位。`
          : askedUnitName && !pending
            ? `${askedUnitName}不是本期候选单位。`
            : '没有找到这个候选单位。',
      options: options.map((each, index) => ({ number: index + 1, unitName: each.unitName })),
    };
  }
  if (doubtful) {
    return { voted: false, reason: '这次没有投票。', confirm: { pollId: poll.id, unitId: option.unitId, unitName: option.unitName } };
  }
  try {
    const result = await voting.cast({
      pollId: poll.id,
      unitId: option.unitId,
      voter: { channel: context.channel, userId: context.userId, established: context.identityEstablished, address: context.address },
    });
    return { voted: true, unitName: option.unitName, tally: result.tally, suggestions: result.suggestions };
  } catch (error) {
    if (isAppError(error)) return { voted: false, reason: error.message, unitName: option.unitName };
    throw error;
  }
}

/**
 * Votes for the person in the conversation. The voter is the channel's user, and nothing is cast unless
 * the person's own message in this turn plainly asked to vote, or said yes to the vote Xiaoning asked about:
 * a document, a tool result, a pasted or quoted text, a refusal or someone else's request cannot vote. When
 * the message mentions a vote without being that plain request, the tool asks instead (`confirm`).
 */
export const castVote = defineToolUnit({
  name: 'cast_vote',
  description:
    '为用户在本期征集投票中投票（每人每期一票）。只有用户本轮明确要求投票，或对“要为某单位投一票吗”回答“确认”时才调用；可以给单位编号，或给候选名单里的序号。结果里有 confirm 时没有投票，请原样询问用户是否确认。',
  kind: 'data',
  input: castVoteInputSchema,
  output: castVoteResultSchema,
  call: async (input, deps, context) =>
    castVoteAs(deps.voting, input, context, input.unitId ? (await deps.repositories.units.get(input.unitId))?.name : undefined),
  plan({ text, unit }) {
    const optionNumber = extractOptionNumber(text);
    return optionNumber !== undefined && !unit ? { optionNumber } : unit ? { unitId: unit.id } : {};
  },
  // A candidate that was understood but not voted for is named (the WeChat shortcut answers a number it was given).
  render: (vote) =>
    !vote.voted && vote.unitName && !vote.confirm && !vote.options
      ? `没有为“${vote.unitName}”投上票：${vote.reason ?? '请稍后再试。'}`
      : renderVoteResult(vote),
  suggestions: ['现在投票结果怎么样？', '下周谁来接听热线？'],
});
