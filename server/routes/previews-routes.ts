import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../../common';
import { previewView } from '../../hotline';
import type { Preview } from '../../storage';
import type { Repositories } from '../../storage';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { dayOrTime, endOf, startOf } from './query-dates';

const adminOnly = { access: 'admin' as const, guards: [requireRole('admin')] };

export const previewSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  startsAt: z.string(),
  endsAt: z.string(),
  leaderTitle: z.string(),
  scope: z.string(),
  howToJoin: z.string(),
  channels: z.array(z.object({ channel: z.string(), name: z.string() })),
  published: z.boolean(),
});

const dateTime = (what: string) => z.iso.datetime({ offset: true, error: `${what}应为带时区的时间，例如 2026-12-01T15:00:00+08:00` });

const previewFields = z.object({
  unitId: z.string().min(1).max(100),
  startsAt: dateTime('开始时间'),
  endsAt: dateTime('结束时间'),
  leaderTitle: z.string().trim().min(1, '请填写接线领导的职务').max(100),
  scope: z.string().trim().min(1, '请填写接线范围').max(2000),
  howToJoin: z.string().trim().min(1, '请填写参与方式').max(2000),
  channels: z.array(z.enum(['phone', 'online', 'wechat'])).min(1),
  published: z.boolean(),
});

/** New previews get every channel and start as drafts unless told otherwise; edits change only what is sent. */
const previewInput = previewFields.extend({
  channels: previewFields.shape.channels.default(['phone', 'online', 'wechat']),
  published: z.boolean().default(false),
});
const previewChanges = previewFields.partial().refine((value) => Object.keys(value).length > 0, { message: '没有要修改的内容' });

export function registerPreviewsRoutes(api: ApiRouter, repositories: Repositories): void {
  const { previews, units, auditLog } = repositories;

  const viewsOf = async (rows: Preview[]) => {
    const unitById = new Map((await units.list()).map((unit) => [unit.id, unit]));
    return rows.map((row) => previewView(row, unitById.get(row.unitId)));
  };
  const checkInput = async (
    input: { unitId?: string | undefined; startsAt?: string | undefined; endsAt?: string | undefined },
    existing?: Preview,
  ) => {
    if (input.unitId !== undefined && !(await units.get(input.unitId)))
      throw new AppError('UNPROCESSABLE', '没有这个单位，请先在单位列表里确认。');
    const startsAt = input.startsAt ? new Date(input.startsAt) : existing?.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : existing?.endsAt;
    if (startsAt && endsAt && endsAt <= startsAt) throw new AppError('UNPROCESSABLE', '结束时间应晚于开始时间。');
  };

  api.add(
    {
      method: 'get',
      path: '/api/previews',
      summary: '接线预告：默认列出已发布、尚未结束的场次，按时间排序',
      tags: ['previews'],
      access: 'public',
      query: z.object({ from: dayOrTime.optional(), to: dayOrTime.optional(), unitId: z.string().max(100).optional() }),
      response: z.object({ items: z.array(previewSchema) }),
    },
    async ({ query }) => {
      const from = query.from ? startOf(query.from) : new Date();
      const to = query.to ? endOf(query.to) : undefined;
      if (to && to < from) throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期。');
      return { items: await viewsOf(await previews.list({ from, to, unitId: query.unitId, publishedOnly: true })) };
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/previews/:id',
      summary: '一场接线预告（只限已发布的；未发布或不存在的为 404）',
      tags: ['previews'],
      access: 'public',
      params: z.object({ id: z.string().min(1).max(100) }),
      response: previewSchema,
      errors: [404],
    },
    async ({ params }) => {
      const preview = await previews.get(params.id);
      if (!preview?.published) throw notFound('这场接线预告');
      return (await viewsOf([preview]))[0];
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/previews',
      summary: '全部接线预告（含未发布；管理员）',
      tags: ['admin', 'previews'],
      ...adminOnly,
      query: z.object({ from: dayOrTime.optional(), to: dayOrTime.optional(), unitId: z.string().max(100).optional() }),
      response: z.object({ items: z.array(previewSchema) }),
    },
    async ({ query }) => ({
      items: await viewsOf(
        await previews.list({
          from: query.from ? startOf(query.from) : undefined,
          to: query.to ? endOf(query.to) : undefined,
          unitId: query.unitId,
        }),
      ),
    }),
  );

  api.add(
    {
      method: 'post',
      path: '/api/admin/previews',
      summary: '新建接线预告（管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'previews'],
      ...adminOnly,
      body: previewInput,
      responseStatus: 201,
      response: previewSchema,
      errors: [422],
    },
    async ({ body, request }) => {
      await checkInput(body);
      const created = await previews.create({
        ...body,
        id: `preview-${randomUUID()}`,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
      });
      await auditLog.record({ who: request.session!.user.username, what: 'preview.create', target: created.id, after: created });
      return (await viewsOf([created]))[0];
    },
  );

  api.add(
    {
      method: 'patch',
      path: '/api/admin/previews/:id',
      summary: '修改接线预告（管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'previews'],
      ...adminOnly,
      params: z.object({ id: z.string().min(1).max(100) }),
      body: previewChanges,
      response: previewSchema,
      errors: [404, 422],
    },
    async ({ params, body, request }) => {
      const existing = await previews.get(params.id);
      if (!existing) throw notFound('这条接线预告');
      await checkInput(body, existing);
      const { startsAt, endsAt, ...rest } = body;
      const updated = await previews.update(params.id, {
        ...rest,
        ...(startsAt ? { startsAt: new Date(startsAt) } : {}),
        ...(endsAt ? { endsAt: new Date(endsAt) } : {}),
      });
      await auditLog.record({
        who: request.session!.user.username,
        what: 'preview.update',
        target: params.id,
        before: existing,
        after: updated,
      });
      return (await viewsOf([updated!]))[0];
    },
  );

  for (const [action, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    api.add(
      {
        method: 'post',
        path: `/api/admin/previews/:id/${action}`,
        summary: published ? '发布接线预告（管理员，需带 X-CSRF-Token）' : '撤回接线预告（管理员，需带 X-CSRF-Token）',
        tags: ['admin', 'previews'],
        ...adminOnly,
        params: z.object({ id: z.string().min(1).max(100) }),
        response: previewSchema,
        errors: [404],
      },
      async ({ params, request }) => {
        const existing = await previews.get(params.id);
        if (!existing) throw notFound('这条接线预告');
        const updated = await previews.update(params.id, { published });
        await auditLog.record({
          who: request.session!.user.username,
          what: `preview.${action}`,
          target: params.id,
          before: { published: existing.published },
          after: { published: updated!.published },
        });
        return (await viewsOf([updated!]))[0];
      },
    );
  }

  api.add(
    {
      method: 'delete',
      path: '/api/admin/previews/:id',
      summary: '删除接线预告（管理员，需带 X-CSRF-Token；已关联往期诉求的场次不能删除，只能撤回）',
      tags: ['admin', 'previews'],
      ...adminOnly,
      params: z.object({ id: z.string().min(1).max(100) }),
      response: z.object({ deleted: z.literal(true), id: z.string() }),
      errors: [404, 409],
    },
    async ({ params, request }) => {
      const existing = await previews.get(params.id);
      if (!existing) throw notFound('这条接线预告');
      if ((await repositories.appeals.count({ sessionId: params.id })) > 0) {
        throw new AppError('CONFLICT', '这一场已有往期诉求记录，不能删除；如不想公开，请撤回发布。');
      }
      await previews.remove(params.id);
      await auditLog.record({ who: request.session!.user.username, what: 'preview.delete', target: params.id, before: existing });
      return { deleted: true as const, id: params.id };
    },
  );
}
