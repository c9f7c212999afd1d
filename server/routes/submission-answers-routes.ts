import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../../common';
import { answerNoteLimits, type QuestionSubmissions } from '../../hotline';
import type { AuditLogRepository } from '../../storage';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { submissionSchema } from './submissions-routes';

/** An official answers the questions of the unit they are bound to; an administrator those of any unit. */
const ownUnitOnly: RequestHandler = (request, _response, next) => {
  const user = request.session?.user;
  if (user?.role === 'official' && user.unitId !== request.params.id) {
    return next(new AppError('FORBIDDEN', '您只能处理本单位的群众留言。'));
  }
  next();
};

/** 群众留言 on the officials' console: marking a question 已回复 with a short note, audited. */
export function registerSubmissionAnswersRoutes(api: ApiRouter, submissions: QuestionSubmissions, auditLog: AuditLogRepository): void {
  api.add(
    {
      method: 'post',
      path: '/api/units/:id/submissions/:submissionId/answer',
      summary: '群众留言：标记为已回复并写一句回复说明（本单位接线领导或管理员，需带 X-CSRF-Token；记入审计日志）',
      tags: ['officials', 'submissions'],
      access: 'official',
      guards: [requireRole('official', 'admin'), ownUnitOnly],
      params: z.object({ id: z.string().min(1).max(100), submissionId: z.string().min(1).max(100) }),
      // Outer bound only: the module words the limits for the official.
      body: z.object({ note: z.string({ error: '请简要写一下是怎么回复的。' }).max(10 * answerNoteLimits.max) }),
      response: submissionSchema,
      errors: [404, 409, 422],
    },
    async ({ params, body, request }) => {
      const who = request.session!.user.username;
      const { before, after } = await submissions.markAnswered({
        id: params.submissionId,
        unitId: params.id,
        note: body.note,
        answeredBy: who,
      });
      await auditLog.record({
        who,
        what: 'submission.answer',
        target: params.submissionId,
        before: { status: before.status, answer: before.answer },
        after: { status: after.status, answer: after.answer },
      });
      return after;
    },
  );
}
