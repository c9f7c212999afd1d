import { z } from 'zod';
import type { AuthService } from '../auth/auth-service';
import { requireLogin, sessionCookieName, sessionCookieOptions } from '../auth/middleware';
import type { ApiRouter } from '../api-router';
import { passwordRules } from '../auth/passwords';

export const publicUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: z.enum(['citizen', 'official', 'admin']),
  unitId: z.string().nullable(),
});

const sessionSchema = z.object({ user: publicUserSchema, csrfToken: z.string() });

export function registerAuthRoutes(api: ApiRouter, auth: AuthService, cookieSecure: boolean): void {
  api.add(
    {
      method: 'post',
      path: '/api/auth/login',
      summary: '登录（管理员、接线领导、市民账号）；成功后设置会话 Cookie，并返回写操作所需的 CSRF 令牌',
      tags: ['auth'],
      body: z.object({
        username: z.string().trim().min(1).max(100),
        password: z.string().min(1).max(passwordRules.maximumLength),
      }),
      response: sessionSchema,
      errors: [401],
    },
    async ({ body, request, response }) => {
      const result = await auth.login(body.username, body.password, request.ip ?? 'unknown');
      response.cookie(sessionCookieName, result.token, sessionCookieOptions(cookieSecure, result.expiresAt.getTime() - Date.now()));
      request.log?.info({ userId: result.user.id, role: result.user.role }, 'login succeeded');
      return { user: pick(result.user), csrfToken: result.csrfToken };
    },
  );

  api.add(
    {
      method: 'get',
      path: '/api/auth/me',
      summary: '当前登录的账号和 CSRF 令牌',
      tags: ['auth'],
      access: 'authenticated',
      guards: [requireLogin],
      response: sessionSchema,
    },
    ({ request }) => ({ user: pick(request.session!.user), csrfToken: request.session!.csrfToken }),
  );

  api.add(
    {
      method: 'post',
      path: '/api/auth/logout',
      summary: '退出登录（需带 X-CSRF-Token）',
      tags: ['auth'],
      access: 'authenticated',
      guards: [requireLogin],
      response: z.object({ ok: z.literal(true) }),
    },
    async ({ request, response }) => {
      await auth.logout(request.session!);
      response.clearCookie(sessionCookieName, sessionCookieOptions(cookieSecure));
      return { ok: true as const };
    },
  );
}

const pick = (user: z.infer<typeof publicUserSchema>) => ({ id: user.id, username: user.username, role: user.role, unitId: user.unitId });
