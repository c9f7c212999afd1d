import { z } from 'zod';
import type { UnitsRepository } from '../../hotline/units/units-repository';
import type { ApiRouter } from '../api-router';

export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(['municipal', 'county']),
  duties: z.string(),
  dutyTopics: z.array(z.string()),
});

export function registerUnitsRoutes(api: ApiRouter, units: UnitsRepository): void {
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
}
