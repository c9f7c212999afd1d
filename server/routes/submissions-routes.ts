import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../../common';
import { submissionContactMaxLength, submissionContentLimits, type QuestionSubmissions } from '../../hotline';
import type { AuditLogRepository } from '../../storage';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { webVoterOf } from '../voter-cookie';

const submissionSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  preview: z.object({ id: z.string(), startsAt: z.string() }).nullable(),
  content: z.string().describe('masked: phone, ID and bank numbers, names and addresses are hidden'),
  contact: z.string().nullable().describe('masked, e.g. 138****1111; never shown publicly'),
  status: z.enum(['pending', 'published', 'rejected', 'answered']),
  createdAt: z.string(),
  moderatedBy: z.string().nullable(),
  moderatedAt: z.string().nullable(),
  rejectionReason: z.string().nullable().describe('不予采用的理由（仅工作人员可见）'),
  answer: z
    .object({ note: z.string(), by: z.string(), at: z.string() })
    .nullable()
    .describe('已回复: the note the official left (masked), who and when; null until answered'),
});

/** Types and outer bounds only: the rules and their plain-Chinese messages are the submissions module's. */
const submissionInput = z.object({
  previewId: z.string().min(1).max(100).optional(),
  unitId: z.string().min(1).max(100).optional(),
  content: z.string().max(10 * submissionContentLimits.max),
  contact: z
    .string()
    .max(10 * submissionContactMaxLength)
    .optional(),
});

/** An official reads the questions for the unit they are bound to; an administrator those of any unit. */
const ownUnitOnly: RequestHandler = (request, _response, next) => {
  const user = request.session?.user;
  if (user?.role === 'official' && user.unitId !== request.params.id) {
    return next(new AppError('FORBIDDEN', '您只能查看本单位的群众留言。'));
  }
  next();
};

export { submissionSchema };

export function registerSubmissionsRoutes(api: ApiRouter, submissions: QuestionSubmissions, auditLog: AuditLogRepository): void {
  api.add(
    {
      method: 'post',
      path: '/api/submissions',
      summary:
        '我要留言：给近期接线场次（或单位）留言，10–500 字，联系方式选填且从不公开；存为待审核（身份来自 xn_voter Cookie，按人、按网络地址限频）',
      tags: ['submissions'],
      access: 'public',
      body: submissionInput,
      responseStatus: 201,
      response: z.object({ id: z.string(), status: z.string(), unitName: z.string(), previewId: z.string().nullable() }),
      errors: [404, 409, 422],
    },
    async ({ body, request, response }) => submissions.submit({ ...body, voter: webVoterOf(request, response) }),
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/submissions',
      summary: '留言审核：全部留言（可按状态筛选），新的在前；个人信息已遮挡（管理员）',
      tags: ['admin', 'submissions'],
      access: 'admin',
      guards: [requireRole('admin')],
      query: z.object({
        status: z.enum(['pending', 'published', 'rejected', 'answered']).optional(),
        unitId: z.string().max(100).optional(),
      }),
      response: z.object({ items: z.array(submissionSchema) }),
    },
    async ({ query }) => ({ items: await submissions.list(query) }),
  );

  for (const [action, status] of [
    ['publish', 'published'],
    ['reject', 'rejected'],
  ] as const) {
    api.add(
      {
        method: 'post',
        path: `/api/admin/submissions/:id/${action}`,
        summary:
          action === 'publish'
            ? '通过留言：接线单位的领导可以看到（管理员，需带 X-CSRF-Token；记入审计日志）'
            : '不予采用（管理员，需带 X-CSRF-Token；记入审计日志）',
        tags: ['admin', 'submissions'],
        access: 'admin',
        guards: [requireRole('admin')],
        params: z.object({ id: z.string().min(1).max(100) }),
        body: z.object({ reason: z.string().trim().max(200, '理由请控制在 200 字以内').optional().describe('不予采用的理由') }),
        response: submissionSchema,
        errors: [404],
      },
      async ({ params, body, request }) => {
        const who = request.session!.user.username;
        const { before, after } = await submissions.moderate(params.id, status, who, body.reason);
        await auditLog.record({
          who,
          what: `submission.${action}`,
          target: params.id,
          before: { status: before.status, rejectionReason: before.rejectionReason },
          after: { status: after.status, rejectionReason: after.rejectionReason },
        });
        return after;
      },
    );
  }

  api.add(
    {
      method: 'get',
      path: '/api/units/:id/submissions',
      summary: '群众留言：审核通过的、给本单位接线场次的留言（本单位接线领导或管理员）',
      tags: ['officials', 'submissions'],
      access: 'official',
      guards: [requireRole('official', 'admin'), ownUnitOnly],
      params: z.object({ id: z.string().min(1).max(100) }),
      response: z.object({ items: z.array(submissionSchema) }),
      errors: [404],
    },
    async ({ params }) => ({ items: await submissions.publishedFor(params.id) }),
  );
}
