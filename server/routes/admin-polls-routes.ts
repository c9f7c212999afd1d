import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../../common';
import type { NextUnitSuggestions, Voting } from '../../hotline';
import type { Poll, Repositories } from '../../storage';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';

const adminOnly = { access: 'admin' as const, guards: [requireRole('admin')] };

const dateTime = (what: string) => z.iso.datetime({ offset: true, error: `${what}应为带时区的时间，例如 2026-12-01T15:00:00+08:00` });

const tallyOptionSchema = z.object({ unitId: z.string(), unitName: z.string(), votes: z.number() });
const adminPollSchema = z.object({
  id: z.string(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  totalVotes: z.number(),
  options: z.array(tallyOptionSchema),
});

const newPollSchema = z.object({
  title: z.string().trim().min(1, '请填写投票标题').max(200, '投票标题不能超过200字'),
  unitIds: z
    .array(z.string().min(1).max(100))
    .min(2, '请至少选择两个候选单位')
    .max(30, '候选单位不能超过30个')
    .refine((ids) => new Set(ids).size === ids.length, '候选单位不能重复'),
  opensAt: dateTime('开始时间'),
  closesAt: dateTime('截止时间'),
});

/** The poll as the admin panel shows it: its window, status and the tally of every option. */
export function registerAdminPollsRoutes(
  api: ApiRouter,
  repositories: Repositories,
  suggestions: NextUnitSuggestions,
  /** Keeps polls for a moment between votes: told of every change here, so this process's votes see it at once. */
  voting?: Pick<Voting, 'pollsChanged'>,
): void {
  const { polls, units, auditLog } = repositories;
  const viewOf = async (poll: Poll) => {
    const options = await polls.tally(poll.id);
    return {
      id: poll.id,
      title: poll.title,
      opensAt: poll.opensAt.toISOString(),
      closesAt: poll.closesAt.toISOString(),
      status: poll.status,
      totalVotes: options.reduce((sum, option) => sum + option.votes, 0),
      options,
    };
  };
  const existing = async (id: string) => {
    const poll = await polls.get(id);
    if (!poll) throw notFound('这一期投票');
    return poll;
  };

  api.add(
    {
      method: 'get',
      path: '/api/admin/polls',
      summary: '全部征集投票及票数（管理员）',
      tags: ['admin', 'polls'],
      ...adminOnly,
      response: z.object({ items: z.array(adminPollSchema) }),
    },
    async () => ({ items: await Promise.all((await polls.list()).map(viewOf)) }),
  );

  api.add(
    {
      method: 'post',
      path: '/api/admin/polls',
      summary: '新建征集投票（草稿；管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'polls'],
      ...adminOnly,
      body: newPollSchema,
      responseStatus: 201,
      response: adminPollSchema,
      errors: [422],
    },
    async ({ body, request }) => {
      const known = new Set((await units.list()).map((unit) => unit.id));
      if (body.unitIds.some((id) => !known.has(id))) throw new AppError('UNPROCESSABLE', '候选单位里有不存在的单位，请刷新页面后重选。');
      const opensAt = new Date(body.opensAt);
      const closesAt = new Date(body.closesAt);
      if (closesAt <= opensAt) throw new AppError('UNPROCESSABLE', '截止时间应晚于开始时间。');
      const created = await polls.create(
        { id: `poll-${randomUUID()}`, title: body.title, opensAt, closesAt, status: 'draft' },
        body.unitIds,
      );
      await auditLog.record({
        who: request.session!.user.username,
        what: 'poll.create',
        target: created.id,
        after: { ...created, unitIds: body.unitIds },
      });
      voting?.pollsChanged();
      return viewOf(created);
    },
  );

  for (const [action, status] of [
    ['open', 'open'],
    ['close', 'closed'],
  ] as const) {
    api.add(
      {
        method: 'post',
        path: `/api/admin/polls/:id/${action}`,
        summary: action === 'open' ? '开始投票（管理员，需带 X-CSRF-Token）' : '结束投票（管理员，需带 X-CSRF-Token）',
        tags: ['admin', 'polls'],
        ...adminOnly,
        params: z.object({ id: z.string().min(1).max(100) }),
        response: adminPollSchema,
        errors: [404, 409],
      },
      async ({ params, request }) => {
        const before = await existing(params.id);
        if (before.status === status)
          throw new AppError('CONFLICT', status === 'open' ? '这一期投票已经开始了。' : '这一期投票已经结束了。');
        if (status === 'open' && before.closesAt <= new Date()) {
          throw new AppError('CONFLICT', '这一期投票的截止时间已过，不能再开始；请新建一期投票。');
        }
        const after = await polls.setStatus(params.id, status);
        voting?.pollsChanged();
        await auditLog.record({ who: request.session!.user.username, what: `poll.${action}`, target: params.id, before, after });
        return viewOf(after!);
      },
    );
  }

  const weightSchema = z.object({ votes: z.number(), volume: z.number(), growth: z.number(), unresolved: z.number() });
  api.add(
    {
      method: 'get',
      path: '/api/admin/next-unit-suggestions',
      summary: '下期建议：候选单位按得票和职责范围内的高频诉求排序，附理由和权重（管理员）',
      tags: ['admin', 'polls'],
      ...adminOnly,
      query: z.object({ pollId: z.string().min(1).max(100).optional() }),
      response: z.object({
        poll: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
        period: z.object({ days: z.number(), from: z.string(), to: z.string() }),
        previousPeriod: z.object({ from: z.string(), to: z.string() }),
        weights: weightSchema,
        items: z.array(
          z.object({
            rank: z.number(),
            unitId: z.string(),
            unitName: z.string(),
            votes: z.number(),
            recentAppeals: z.number(),
            previousAppeals: z.number(),
            unresolvedAppeals: z.number(),
            score: z.number(),
            parts: z.object({ voteShare: z.number(), volume: z.number(), growth: z.number(), unresolvedShare: z.number() }),
            reasons: z.array(z.string()),
          }),
        ),
      }),
      errors: [404],
    },
    async ({ query }) => suggestions.suggest(query.pollId),
  );
}
