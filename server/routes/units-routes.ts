import { z } from 'zod';
import { notFound } from '../../common';
import { previewView } from '../../hotline';
import type { PreviewsRepository } from '../../storage';
import type { UnitsRepository } from '../../storage';
import type { ApiRouter } from '../api-router';
import { previewSchema } from './previews-routes';

export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(['municipal', 'county']),
  duties: z.string(),
  dutyTopics: z.array(z.string()),
});

export function registerUnitsRoutes(api: ApiRouter, units: UnitsRepository, previews: PreviewsRepository): void {
  api.add(
    {
      method: 'get',
      path: '/api/units',
      summary: '参与领导接线的单位（市直部门和县市区）及其职责',
      tags: ['units'],
      response: z.object({ items: z.array(unitSchema) }),
    },
    async () => ({ items: await units.list() }),
  );

  api.add(
    {
      method: 'get',
      path: '/api/units/:id',
      summary: '单位详情：职责、职责主题和即将到来的接线场次',
      tags: ['units'],
      access: 'public',
      params: z.object({ id: z.string().min(1).max(100) }),
      response: unitSchema.extend({ upcomingSessions: z.array(previewSchema) }),
      errors: [404],
    },
    async ({ params }) => {
      const unit = await units.get(params.id);
      if (!unit) throw notFound('这个单位');
      const upcoming = await previews.list({ unitId: unit.id, from: new Date(), publishedOnly: true });
      return { ...unit, upcomingSessions: upcoming.map((preview) => previewView(preview, unit)) };
    },
  );
}
