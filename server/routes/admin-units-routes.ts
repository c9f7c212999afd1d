import { z } from 'zod';
import { notFound } from '../../common';
import type { Repositories } from '../../storage';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { unitSchema } from './units-routes';

const listOfWords = (what: string) =>
  z
    .array(z.string().trim().min(1, `${what}不能为空`).max(30, `每个${what}不超过 30 字`))
    .max(40, `${what}最多 40 个`)
    .transform((words) => [...new Set(words)]);

/**
 * 单位职责 (admin): a unit's duties, duty topics and aliases. Nothing caches them: the agent reads the units at
 * every turn (names and aliases for routing), hot topics read the unit at every request, and the duty matcher's
 * cache is keyed by the duty text and topics themselves, so an edit takes effect at the next question.
 */
export function registerAdminUnitsRoutes(
  api: ApiRouter,
  repositories: Repositories,
  /** Told after an edit, so that the agent's routing follows at once (it keeps the units between messages). */
  onUnitsChanged?: () => Promise<void>,
): void {
  api.add(
    {
      method: 'patch',
      path: '/api/admin/units/:id',
      summary: '修改单位的职责、职责主题和别名；热点诉求与小宁的单位识别立即按新内容（管理员，需带 X-CSRF-Token；记入审计日志）',
      tags: ['admin', 'units'],
      access: 'admin',
      guards: [requireRole('admin')],
      params: z.object({ id: z.string().min(1).max(100) }),
      body: z.object({
        duties: z.string().trim().min(1, '请填写单位职责').max(2_000, '职责不超过 2000 字').optional(),
        dutyTopics: listOfWords('职责主题').optional(),
        aliases: listOfWords('别名').optional(),
      }),
      response: unitSchema,
      errors: [404],
    },
    async ({ params, body, request }) => {
      const before = await repositories.units.get(params.id);
      if (!before) throw notFound('这个单位');
      const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
      const after = Object.keys(changes).length > 0 ? ((await repositories.units.update(params.id, changes)) ?? before) : before;
      await onUnitsChanged?.();
      const pick = (unit: typeof before) => ({ duties: unit.duties, dutyTopics: unit.dutyTopics, aliases: unit.aliases });
      await repositories.auditLog.record({
        who: request.session!.user.username,
        what: 'unit.update',
        target: params.id,
        before: pick(before),
        after: pick(after),
      });
      return after;
    },
  );
}
