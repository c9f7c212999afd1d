import { z } from 'zod';
import type { Repositories } from '../../storage';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';
import { passwordRules } from '../auth/passwords';
import { bindAccountUnit, createUserAccount, newAccountSchema, resetAccountPassword, setAccountDisabled } from '../auth/user-accounts';
import { publicUserSchema } from './auth-routes';

const adminOnly = { access: 'admin' as const, guards: [requireRole('admin')] };

const accountSchema = publicUserSchema.extend({ createdAt: z.string(), disabled: z.boolean() });

const accountOf = (user: {
  id: string;
  username: string;
  role: 'citizen' | 'official' | 'admin';
  unitId: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}) => ({
  id: user.id,
  username: user.username,
  role: user.role,
  unitId: user.unitId,
  createdAt: user.createdAt.toISOString(),
  disabled: user.disabledAt !== null,
});

const idParams = z.object({ id: z.string().min(1).max(100) });

/** A day (YYYY-MM-DD, China time) or a moment (ISO 8601). */
const dayOrMoment = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, '日期格式应为 2024-05-01')
  .optional();
const startOf = (value: string | undefined, nextDay = false) => {
  if (!value) return undefined;
  if (value.includes('T')) return new Date(value);
  const start = new Date(`${value}T00:00:00+08:00`);
  return nextDay ? new Date(start.getTime() + 86_400_000) : start;
};

/** 用户 and 审计日志 (admin): accounts (create, disable/enable, reset password, bind to a unit) and the audit log. */
export function registerAdminRoutes(api: ApiRouter, repositories: Repositories): void {
  api.add(
    {
      method: 'get',
      path: '/api/admin/users',
      summary: '账号列表（管理员）',
      tags: ['admin'],
      ...adminOnly,
      response: z.object({ items: z.array(accountSchema) }),
    },
    async () => ({ items: (await repositories.users.list()).map(accountOf) }),
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

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    api.add(
      {
        method: 'post',
        path: `/api/admin/users/:id/${action}`,
        summary: disabled
          ? '停用账号：不能再登录，已登录的会话立即失效（管理员，需带 X-CSRF-Token；记入审计日志）'
          : '重新启用账号（管理员，需带 X-CSRF-Token；记入审计日志）',
        tags: ['admin'],
        ...adminOnly,
        params: idParams,
        response: accountSchema,
        errors: [404, 422],
      },
      async ({ params, request }) => accountOf(await setAccountDisabled(repositories, params.id, disabled, request.session!.user)),
    );
  }

  api.add(
    {
      method: 'post',
      path: '/api/admin/users/:id/reset-password',
      summary: '重设密码：该账号的会话全部失效（管理员，需带 X-CSRF-Token；记入审计日志，不记录密码）',
      tags: ['admin'],
      ...adminOnly,
      params: idParams,
      body: z.object({
        password: z
          .string()
          .min(passwordRules.minimumLength, `密码至少 ${passwordRules.minimumLength} 位`)
          .max(passwordRules.maximumLength),
      }),
      response: accountSchema,
      errors: [404, 422],
    },
    async ({ params, body, request }) =>
      accountOf(await resetAccountPassword(repositories, params.id, body.password, request.session!.user.username)),
  );

  api.add(
    {
      method: 'patch',
      path: '/api/admin/users/:id',
      summary: '绑定账号所属单位（接线领导必须绑定；管理员，需带 X-CSRF-Token；记入审计日志）',
      tags: ['admin'],
      ...adminOnly,
      params: idParams,
      body: z.object({ unitId: z.string().trim().min(1).max(100).nullable() }),
      response: accountSchema,
      errors: [404, 422],
    },
    async ({ params, body, request }) =>
      accountOf(await bindAccountUnit(repositories, params.id, body.unitId, request.session!.user.username)),
  );

  api.add(
    {
      method: 'get',
      path: '/api/admin/audit-log',
      summary: '操作审计日志：可按操作人、操作类型（前缀，如 appeal.）、对象和日期筛选，新的在前（管理员）',
      tags: ['admin'],
      ...adminOnly,
      query: z.object({
        who: z.string().trim().max(100).optional(),
        what: z.string().trim().max(100).optional(),
        target: z.string().trim().max(200).optional(),
        from: dayOrMoment.describe('从这一天（含）起'),
        to: dayOrMoment.describe('到这一天（含）为止'),
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
        total: z.number(),
        choices: z.object({ who: z.array(z.string()), what: z.array(z.string()) }),
      }),
    },
    async ({ query }) => {
      const filter = {
        who: query.who || undefined,
        what: query.what || undefined,
        target: query.target || undefined,
        from: startOf(query.from),
        to: startOf(query.to, true),
      };
      const [items, total, choices] = await Promise.all([
        repositories.auditLog.list(query.limit, query.offset, filter),
        repositories.auditLog.count(filter),
        repositories.auditLog.distinctActors(),
      ]);
      return { items, total, choices };
    },
  );
}
