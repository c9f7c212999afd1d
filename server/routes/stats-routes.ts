import { z } from 'zod';
import type { StatsRepository } from '../../storage';
import { appealTypes } from '../../hotline';
import type { ApiRouter } from '../api-router';
import { dateRange, dayOrTime } from './query-dates';

const countsSchema = <Key extends string>(key: Key) =>
  z.object({ items: z.array(z.object({ [key]: z.string(), count: z.number() } as Record<Key | 'count', z.ZodString | z.ZodNumber>)) });
const period = { from: dayOrTime.optional(), to: dayOrTime.optional(), unitId: z.string().max(100).optional() };

export function registerStatsRoutes(api: ApiRouter, stats: StatsRepository): void {
  api.add(
    {
      method: 'get',
      path: '/api/stats/categories',
      summary: '按类别统计诉求数量（柱状图），从多到少',
      tags: ['stats'],
      access: 'public',
      query: z.object(period),
      response: countsSchema('category'),
    },
    async ({ query }) => {
      const counts = await stats.countByCategory({ unitId: query.unitId, ...dateRange(query) });
      return {
        items: [...counts]
          .map(([category, count]) => ({ category, count }))
          .sort((left, right) => right.count - left.count || left.category.localeCompare(right.category)),
      };
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/stats/types',
      summary: '按类型统计诉求数量（饼图）：咨询、投诉、求助、建议、紧急件；可限定类别',
      tags: ['stats'],
      access: 'public',
      query: z.object({ ...period, category: z.string().max(20).optional() }),
      response: countsSchema('type'),
    },
    async ({ query }) => {
      const counts = await stats.countByType({ unitId: query.unitId, category: query.category, ...dateRange(query) });
      return { items: appealTypes.map((type) => ({ type, count: counts.get(type) ?? 0 })) };
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/stats/tags',
      summary: '热点标签：诉求最多的话题',
      tags: ['stats'],
      access: 'public',
      query: z.object({ ...period, limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: countsSchema('tag'),
    },
    async ({ query }) => ({ items: await stats.countByTag({ unitId: query.unitId, ...dateRange(query) }, query.limit) }),
  );

  api.add(
    {
      method: 'get',
      path: '/api/stats/trend',
      summary: '诉求数量趋势：按周（周一开始）或按月，北京时间',
      tags: ['stats'],
      access: 'public',
      query: z.object({ ...period, granularity: z.enum(['week', 'month'], { error: 'granularity 应为 week 或 month' }).default('month') }),
      response: z.object({ granularity: z.enum(['week', 'month']), items: z.array(z.object({ start: z.string(), count: z.number() })) }),
    },
    async ({ query }) => ({
      granularity: query.granularity,
      items: await stats.trend({ unitId: query.unitId, ...dateRange(query) }, query.granularity),
    }),
  );
}
