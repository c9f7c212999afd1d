import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../../common';
import { createRateLimiter } from '../../common';
import type { Voting } from '../../hotline';
import type { ApiRouter } from '../api-router';
import { voterIdOf } from '../voter-cookie';

const tallySchema = z.object({ pollId: z.string(), options: z.array(z.object({ unitId: z.string(), votes: z.number() })) });

/** Votes per IP per hour; generous by default because a mobile carrier puts many people behind one address. */
function voteThrottle(limitPerHour: number): RequestHandler {
  if (limitPerHour === 0) return (_request, _response, next) => next();
  const limiter = createRateLimiter({ limit: limitPerHour, windowMs: 60 * 60 * 1000 });
  return (request, _response, next) => {
    const result = limiter.hit(request.ip ?? 'unknown');
    if (result.allowed) return next();
    next(new AppError('RATE_LIMITED', '这个网络投票太频繁了，请过一会儿再试。', { retryAfterSeconds: result.retryAfterSeconds }));
  };
}

export function registerPollsRoutes(api: ApiRouter, voting: Voting, options: { voteLimitPerIpHour: number; ipSalt: string }): void {
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
      guards: [voteThrottle(options.voteLimitPerIpHour)],
      params: z.object({ id: z.string().min(1).max(100) }),
      body: z.object({ unitId: z.string({ error: '请选择要投票的单位' }).min(1, '请选择要投票的单位').max(100) }),
      responseStatus: 201,
      response: z.object({ pollId: z.string(), unitId: z.string(), tally: tallySchema, suggestions: z.array(z.string()) }),
      errors: [404, 409, 422],
    },
    async ({ params, body, request, response }) => {
      const voterId = voterIdOf(response);
      if (!voterId) {
        // The fresh cookie was set on this response; the next vote will carry it.
        throw new AppError('BAD_REQUEST', '请先允许浏览器保存 Cookie，然后再投票一次。');
      }
      const ipHash = createHash('sha256')
        .update(`${options.ipSalt}:${request.ip ?? ''}`)
        .digest('hex')
        .slice(0, 32);
      return voting.cast({ pollId: params.id, unitId: body.unitId, voterId: `web:${voterId}`, channel: 'web', ipHash });
    },
  );
}
