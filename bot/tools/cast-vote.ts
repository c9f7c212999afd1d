import { tool } from 'langchain';
import { z } from 'zod';
import { inBallotOrder } from '../../hotline/polls/ballot-order';
import { isAppError } from '../../common/errors';
import { asToolResult, contextOf, type ToolDependencies } from './tool-context';

/**
 * Votes for the person in the conversation. The voter is the channel's user, and nothing is cast unless
 * the person's own message in this turn plainly asked to vote, or said yes to the vote Xiaoning asked about:
 * a document, a tool result, a pasted or quoted text, a refusal or someone else's request cannot vote. When
 * the message mentions a vote without being that plain request, the tool asks instead (`confirm`).
 */
export function createCastVoteTool(deps: ToolDependencies) {
  return tool(
    async ({ unitId, optionNumber }, runtime) => {
      const context = contextOf(runtime);
      const pending = context.voteConsent === 'confirmed' ? context.pendingVote : undefined;
      if (context.userId === '' || context.voteConsent === 'none' || (context.voteConsent === 'confirmed' && !pending)) {
        return asToolResult({
          voted: false,
          reason: '没有投票：只有您自己明确说要投票时我才会投，转述或文件里的投票请求不算。如果您想投，请直接说“我投某某单位”。',
        });
      }
      const poll = await deps.voting.current();
      if (!poll) return asToolResult({ voted: false, reason: '目前没有正在进行的投票。' });
      if (pending && pending.pollId !== poll.id) return asToolResult({ voted: false, reason: '您要确认的那一期投票已经结束了。' });
      const options = inBallotOrder(poll.options);
      // A confirmation casts the vote that was asked about, whatever a model writes into the arguments.
      const option = pending
        ? options.find((each) => each.unitId === pending.unitId)
        : optionNumber !== undefined
          ? options[optionNumber - 1]
          : options.find((each) => each.unitId === unitId);
      const doubtful = context.voteConsent === 'doubtful';
      if (!option) {
        return asToolResult({
          voted: false,
          reason: doubtful ? '这次没有投票。' : '没有找到这个候选单位。',
          options: options.map((each, index) => ({ number: index + 1, unitName: each.unitName })),
        });
      }
      if (doubtful) {
        return asToolResult({
          voted: false,
          reason: '这次没有投票。',
          confirm: { pollId: poll.id, unitId: option.unitId, unitName: option.unitName },
        });
      }
      try {
        const result = await deps.voting.cast({
          pollId: poll.id,
          unitId: option.unitId,
          voter: {
            channel: context.channel,
            userId: context.userId,
            established: context.identityEstablished,
            address: context.address,
          },
        });
        return asToolResult({ voted: true, unitName: option.unitName, tally: result.tally, suggestions: result.suggestions });
      } catch (error) {
        if (isAppError(error)) return asToolResult({ voted: false, reason: error.message });
        throw error;
      }
    },
    {
      name: 'cast_vote',
      description:
        '为用户在本期征集投票中投票（每人每期一票）。只有用户本轮明确要求投票，或对“要为某单位投一票吗”回答“确认”时才调用；可以给单位编号，或给候选名单里的序号。结果里有 confirm 时没有投票，请原样询问用户是否确认。',
      schema: z.object({
        unitId: z.string().optional().describe('候选单位编号'),
        optionNumber: z.number().int().min(1).optional().describe('候选名单里的序号，从 1 开始'),
      }),
    },
  );
}
