import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../../common';
import { previewView } from '../../hotline';
import type { Repositories } from '../../storage';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { previewSchema } from './previews-routes';

const hourInMilliseconds = 3_600_000;

/** The standard way to take part, the same for every unit (the preview can be edited before it is published). */
const standardHowToJoin =
  '到时请直接拨打12345热线电话，告诉接线员您想和本期接线领导通话，再说清楚您要反映的事情；也可以在本栏目的网上留言板或12345微信公众号留言。';

/**
 * 下期建议 → 接线预告 in one step: a draft preview of the suggested unit at the time chosen, its scope the
 * unit's duties. It stays a draft until the administrator checks and publishes it.
 */
export function registerAdminScheduleRoutes(api: ApiRouter, repositories: Repositories): void {
  const { previews, units, auditLog } = repositories;
  api.add(
    {
      method: 'post',
      path: '/api/admin/next-unit-suggestions/schedule',
      summary: '按下期建议安排一场接线（生成接线预告草稿；管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'previews'],
      access: 'admin',
      guards: [requireRole('admin')],
      body: z.object({
        unitId: z.string().min(1).max(100),
        startsAt: z.iso.datetime({ offset: true, error: '开始时间应为带时区的时间，例如 2026-12-01T15:00:00+08:00' }),
        durationHours: z.number().min(0.5).max(8).default(2),
      }),
      responseStatus: 201,
      response: previewSchema,
      errors: [404, 422],
    },
    async ({ body, request }) => {
      const unit = await units.get(body.unitId);
      if (!unit) throw notFound('这个单位');
      const startsAt = new Date(body.startsAt);
      if (startsAt.getTime() <= Date.now()) throw new AppError('UNPROCESSABLE', '接线时间应在将来。');
      const created = await previews.create({
        id: `preview-${randomUUID()}`,
        unitId: unit.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + body.durationHours * hourInMilliseconds),
        leaderTitle: `${unit.name}负责人`,
        scope: unit.duties,
        howToJoin: standardHowToJoin,
        channels: ['phone', 'online', 'wechat'],
        published: false,
      });
      await auditLog.record({
        who: request.session!.user.username,
        what: 'preview.create',
        target: created.id,
        after: { ...created, from: 'next-unit-suggestion' },
      });
      return previewView(created, unit);
    },
  );
}
