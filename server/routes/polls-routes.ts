import { z } from 'zod';
import { AppError } from '../../common';
import type { Voting } from '../../hotline';
import type { ApiRouter } from '../api-router';
import { webVoterOf } from '../voter-cookie';

const tallySchema = z.object({ pollId: z.string(), options: z.array(z.object({ unitId: z.string(), votes: z.number() })) });

export function registerPollsRoutes(api: ApiRouter, voting: Voting): void {
  api.add(
    {
      method: 'get',
      path: '/api/polls/current',
      summary: '本期征集投票：候选单位和实时票数',
      tags: ['polls'],
      access: 'public',
      response: z.object({
        id: z.string(),
        title: z.string(),
        closesAt: z.string(),
        options: z.array(z.object({ unitId: z.string(), unitName: z.string(), votes: z.number() })),
      }),
      errors: [404],
    },
    async () => {
      const poll = await voting.current();
      if (!poll) throw new AppError('NOT_FOUND', '目前没有正在进行的投票。');
      return { ...poll, closesAt: poll.closesAt.toISOString() };
    },
  );

  api.add(
    {
      method: 'post',
      path: '/api/polls/:id/votes',
      summary: '投票：每人每期一票（身份来自服务器签发的 xn_voter Cookie）；返回最新票数和可以问小宁的问题',
      tags: ['polls'],
      access: 'public',
      params: z.object({ id: z.string().min(1).max(100) }),
      body: z.object({ unitId: z.string({ error: '请选择要投票的单位' }).min(1, '请选择要投票的单位').max(100) }),
      responseStatus: 201,
      response: z.object({ pollId: z.string(), unitId: z.string(), tally: tallySchema, suggestions: z.array(z.string()) }),
      errors: [404, 409, 422],
    },
    // Identity, throttle and one vote per voter are the voting module's rules, the same for every channel.
    async ({ params, body, request, response }) =>
      voting.cast({ pollId: params.id, unitId: body.unitId, voter: webVoterOf(request, response) }),
  );
}
