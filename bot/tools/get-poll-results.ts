import { tool } from 'langchain';
import { z } from 'zod';
import { inBallotOrder } from '../../hotline';
import { asToolResult, type ToolDependencies } from './tool-context';

export function createGetPollResultsTool(deps: ToolDependencies) {
  return tool(
    async () => {
      const poll = await deps.voting.current();
      if (!poll) return asToolResult({ poll: null });
      return asToolResult({
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
      });
    },
    {
      name: 'get_poll_results',
      description: '查询本期征集投票：候选单位（带序号）、实时票数和截止时间。',
      schema: z.object({}),
    },
  );
}
