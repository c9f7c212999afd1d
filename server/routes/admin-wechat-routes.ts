import { z } from 'zod';
import { AppError, notFound } from '../../common';
import type { WechatPublisher } from '../../channels';
import { columnMenu } from '../../channels';
import type { Repositories } from '../../storage';
import type { ApiRouter } from '../api-router';
import { requireRole } from '../auth/middleware';

const adminOnly = { access: 'admin' as const, guards: [requireRole('admin')] };

const outcomeSchema = z.object({
  ok: z.boolean(),
  /** WeChat's own error code when it refused (null when it could not be reached or nothing was sent). */
  errcode: z.number().nullable(),
  message: z.string(),
  msgId: z.string().nullable(),
});

const notConfigured = () =>
  new AppError('SERVICE_UNAVAILABLE', '没有配置微信公众号（WECHAT_APP_ID 和 WECHAT_APP_SECRET），无法发布到微信。');

/**
 * Publishing to the Official Account from the panel. WeChat's refusal is not an error of this server: the
 * answer is 200 with `ok: false`, WeChat's errcode and what it means, so the panel shows it as it is.
 */
export function registerAdminWechatRoutes(api: ApiRouter, repositories: Repositories, publisher: WechatPublisher | undefined): void {
  const { previews, units, auditLog } = repositories;

  api.add(
    {
      method: 'get',
      path: '/api/admin/wechat',
      summary: '微信公众号发布设置：是否已配置、栏目地址和菜单项（管理员）',
      tags: ['admin', 'wechat'],
      ...adminOnly,
      response: z.object({
        configured: z.boolean(),
        publicBaseUrl: z.string().nullable(),
        menu: z.array(z.object({ name: z.string(), key: z.string() })),
      }),
    },
    async () => ({
      configured: publisher !== undefined,
      publicBaseUrl: publisher?.publicBaseUrl ?? null,
      menu: columnMenu.map((button) => ({ name: button.name, key: button.type === 'click' ? button.key : button.url })),
    }),
  );

  api.add(
    {
      method: 'post',
      path: '/api/admin/previews/:id/wechat-push',
      summary: '把已发布的接线预告群发给公众号的关注者，消息附场次页面链接（管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'wechat', 'previews'],
      ...adminOnly,
      params: z.object({ id: z.string().min(1).max(100) }),
      response: outcomeSchema,
      errors: [404, 409, 503],
    },
    async ({ params, request }) => {
      const preview = await previews.get(params.id);
      if (!preview) throw notFound('这条接线预告');
      if (!preview.published) throw new AppError('CONFLICT', '请先发布这条接线预告，再推送到微信（链接指向公开页面）。');
      if (!publisher) throw notConfigured();
      const unit = await units.get(preview.unitId);
      const outcome = await publisher.pushPreview({ ...preview, unitName: unit?.name ?? preview.unitId });
      const result = {
        ok: outcome.ok,
        errcode: outcome.ok ? null : outcome.errcode,
        message: outcome.message,
        msgId: (outcome.ok && outcome.msgId) || null,
      };
      // Before: the preview as it was pushed; after: what WeChat answered (its errcode when it refused).
      await auditLog.record({
        who: request.session!.user.username,
        what: 'preview.wechat-push',
        target: preview.id,
        before: preview,
        after: result,
      });
      return result;
    },
  );

  api.add(
    {
      method: 'post',
      path: '/api/admin/wechat/menu',
      summary: '设置公众号自定义菜单：预告、投票、问小宁（管理员，需带 X-CSRF-Token）',
      tags: ['admin', 'wechat'],
      ...adminOnly,
      response: outcomeSchema,
      errors: [503],
    },
    async ({ request }) => {
      if (!publisher) throw notConfigured();
      const outcome = await publisher.setMenu();
      const result = { ok: outcome.ok, errcode: outcome.ok ? null : outcome.errcode, message: outcome.message, msgId: null };
      await auditLog.record({ who: request.session!.user.username, what: 'wechat.menu', after: { menu: columnMenu, ...result } });
      return result;
    },
  );
}
