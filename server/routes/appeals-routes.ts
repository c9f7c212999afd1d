import { z } from 'zod';
import type { AppealQueries } from '../../hotline';
import { appealTypes } from '../../hotline';
import type { ApiRouter } from '../api-router';
import { dateRange, dayOrTime } from './query-dates';

const listItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  excerpt: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  receivedAt: z.string(),
  sessionDate: z.string().nullable(),
  category: z.string().nullable(),
  type: z.string().nullable(),
  status: z.string(),
  hasReply: z.boolean(),
  replyExcerpt: z.string().nullable(),
});

const policySchema = z.object({ source: z.string(), title: z.string(), headingPath: z.array(z.string()), excerpt: z.string() });
const similarSchema = z.object({ id: z.string(), title: z.string(), excerpt: z.string(), status: z.string() });

export function registerAppealsRoutes(api: ApiRouter, appeals: AppealQueries): void {
  api.add(
    {
      method: 'get',
      path: '/api/appeals',
      summary: '往期诉求：按单位、接线日期、时间段、类别、类型、状态或关键词查询（个人信息已遮挡）',
      tags: ['appeals'],
      access: 'public',
      query: z.object({
        unitId: z.string().max(100).optional(),
        date: z.iso.date({ error: 'date 应为 YYYY-MM-DD' }).optional(),
        from: dayOrTime.optional(),
        to: dayOrTime.optional(),
        category: z.string().max(20).optional(),
        type: z.enum(appealTypes, { error: 'type 应为 咨询、投诉、求助、建议 或 紧急件' }).optional(),
        status: z.string().max(20).optional(),
        q: z.string().trim().min(1).max(50, '关键词请控制在 50 字以内').optional(),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(50).default(20),
        asOf: z.iso.datetime({ offset: true, error: 'asOf 应为第一页返回的 asOf' }).optional(),
      }),
      response: z.object({ items: z.array(listItemSchema), total: z.number(), page: z.number(), pageSize: z.number(), asOf: z.string() }),
    },
    async ({ query }) => {
      const { from, to, asOf, ...rest } = query;
      return appeals.list({ ...rest, ...dateRange({ from, to }), asOf: asOf ? new Date(asOf) : undefined });
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/appeals/calendar',
      summary: '接线日历：某月有哪些接线日、每天收到多少诉求',
      tags: ['appeals'],
      access: 'public',
      query: z.object({
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month 应为 YYYY-MM'),
        unitId: z.string().max(100).optional(),
      }),
      response: z.object({
        month: z.string(),
        days: z.array(
          z.object({
            date: z.string(),
            count: z.number(),
            sessions: z.array(z.object({ id: z.string(), unit: z.object({ id: z.string(), name: z.string() }) })),
          }),
        ),
      }),
    },
    async ({ query }) => appeals.calendar(query.month, query.unitId),
  );

  api.add(
    {
      method: 'get',
      path: '/api/appeals/:id',
      summary: '诉求详情：内容（个人信息已遮挡）、办理状态、答复（公开后）和智能分析',
      tags: ['appeals'],
      access: 'public',
      params: z.object({ id: z.string().min(1).max(100) }),
      response: listItemSchema.extend({
        content: z.string(),
        citizen: z.string().nullable(),
        replyUnit: z.string().nullable(),
        reply: z.string().nullable(),
        repliedAt: z.string().nullable(),
        insights: z.object({
          category: z.string().nullable(),
          type: z.string().nullable(),
          tags: z.array(z.string()),
          summary: z.string().nullable(),
          relatedPolicies: z.array(policySchema),
          similarAppeals: z.array(similarSchema),
        }),
      }),
      errors: [404],
    },
    async ({ params }) => appeals.detail(params.id),
  );
}
