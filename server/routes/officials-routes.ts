import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../../common';
import type { CallAssistant } from '../../hotline';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { dateRange, dayOrTime } from './query-dates';

const policySchema = z.object({ source: z.string(), title: z.string(), headingPath: z.array(z.string()), excerpt: z.string() });

/** An official sees the hot topics of the unit they are bound to; an administrator those of any unit. */
const ownUnitOnly: RequestHandler = (request, _response, next) => {
  const user = request.session?.user;
  if (user?.role === 'official' && user.unitId !== request.params.id) {
    return next(new AppError('FORBIDDEN', '您只能查看本单位的高频诉求。'));
  }
  next();
};

export function registerOfficialsRoutes(api: ApiRouter, assistant: CallAssistant): void {
  api.add(
    {
      method: 'get',
      path: '/api/units/:id/hot-topics',
      summary:
        '接线单位职责范围内的高频诉求：按话题归类，带数量、该话题的全部诉求（新的在前，三件代表性诉求标出）和从诉求中摘取的一至三句概括（反映的问题、诉求、涉及地点）（接线领导或管理员）',
      tags: ['officials'],
      access: 'official',
      guards: [requireRole('official', 'admin'), ownUnitOnly],
      params: z.object({ id: z.string().min(1).max(100) }),
      query: z.object({ from: dayOrTime.optional(), to: dayOrTime.optional() }),
      response: z.object({
        items: z.array(
          z.object({
            topic: z.string(),
            dutyTopic: z.string().nullable(),
            count: z.number(),
            latestAt: z.string(),
            summary: z.string(),
            keywords: z.array(z.string()),
            appeals: z.array(
              z.object({
                id: z.string(),
                typical: z.boolean().describe('话题中最有代表性的三件之一'),
                title: z.string(),
                excerpt: z.string(),
                receivedAt: z.string(),
              }),
            ),
          }),
        ),
      }),
      errors: [404],
    },
    async ({ params, query }) => ({ items: await assistant.hotTopics(params.id, dateRange(query)) }),
  );

  api.add(
    {
      method: 'post',
      path: '/api/assist/analyze',
      summary:
        '接线辅助：输入来电内容，返回摘要、类别、类型、标签、政策依据、相似案例及其答复、参考办理方式（接线领导或管理员；需带 X-CSRF-Token）',
      tags: ['officials'],
      access: 'official',
      guards: [requireRole('official', 'admin')],
      body: z.object({
        text: z.string({ error: '请输入来电内容' }).trim().min(4, '内容太短了，请多写几句').max(3000, '内容太长了，请控制在 3000 字以内'),
        unitId: z.string().max(100).optional(),
      }),
      response: z.object({
        summary: z.string(),
        category: z.string(),
        type: z.string(),
        tags: z.array(z.string()),
        confidence: z.number(),
        policyBasis: z.array(policySchema),
        similarCases: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            content: z.string(),
            unitId: z.string().nullable(),
            replyUnit: z.string().nullable(),
            reply: z.string(),
            score: z.number(),
          }),
        ),
        suggestedHandling: z.array(z.object({ caseId: z.string(), caseTitle: z.string(), quote: z.string() })),
        /** For 紧急件: the emergency numbers and the first safe action to tell the caller, else null. */
        urgentAdvice: z.array(z.string()).nullable(),
      }),
      errors: [404],
    },
    async ({ body }) => assistant.analyze(body),
  );
}
