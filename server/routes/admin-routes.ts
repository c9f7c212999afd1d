import { z } from 'zod';
import type { Repositories } from '../../storage';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { createUserAccount, newAccountSchema } from '../auth/user-accounts';
import { publicUserSchema } from './auth-routes';

const adminOnly = { access: 'admin' as const, guards: [requireRole('admin')] };

export function registerAdminRoutes(api: ApiRouter, repositories: Repositories): void {
  api.add(
    {
      method: 'get',
      path: '/api/admin/users',
      summary: '账号列表（管理员）',
      tags: ['admin'],
      ...adminOnly,
      response: z.object({ items: z.array(publicUserSchema.extend({ createdAt: z.string() })) }),
    },
    async () => ({ items: await repositories.users.list() }),
  );

  api.add(
    {
      method: 'post',
      path: '/api/admin/users',
      summary: '新建账号（管理员；需带 X-CSRF-Token）',
      tags: ['admin'],
      ...adminOnly,
      body: newAccountSchema,
      responseStatus: 201,
      response: publicUserSchema,
      errors: [409, 422],
    },
    async ({ body, request }) => {
      const user = await createUserAccount(repositories, body, request.session!.user.username);
      return { id: user.id, username: user.username, role: user.role, unitId: user.unitId };
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/audit-log',
      summary: '操作审计日志（管理员）',
      tags: ['admin'],
      ...adminOnly,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: z.object({
        items: z.array(
          z.object({
            id: z.number(),
            who: z.string(),
            what: z.string(),
            target: z.string().nullable(),
            when: z.string(),
            before: z.unknown(),
            after: z.unknown(),
          }),
        ),
      }),
    },
    async ({ query }) => ({ items: await repositories.auditLog.list(query.limit, query.offset) }),
  );
}
