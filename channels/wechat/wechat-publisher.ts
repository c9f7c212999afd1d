import { chinaClock, chinaDateTime, isAppError, type SharedState } from '../../common';
import { createWechatApiClient, type WechatMenuButton } from './wechat-api-client';
import { describeWechatError } from './wechat-error-codes';

export interface WechatPublisherSettings {
  appId: string | undefined;
  appSecret: string | undefined;
  apiBase: string;
  /** The column's public address; the pushed message links to the session's page there. */
  publicBaseUrl?: string | undefined;
}

/** A preview as the push tells it. */
export interface PushedPreview {
  id: string;
  unitName: string;
  startsAt: Date;
  endsAt: Date;
  leaderTitle: string;
  scope: string;
}

/** What WeChat answered: the administrator sees the message, and the code when WeChat sent one. */
export type WechatOutcome =
  { ok: true; message: string; msgId?: string | undefined } | { ok: false; errcode: number | null; message: string };

/**
 * The custom menu set from the panel: 预告 and 投票 answer from the data, 问小宁 invites a question. The keys
 * are the CLICK keys the channel already answers (menu-actions.ts).
 */
export const columnMenu: WechatMenuButton[] = [
  { type: 'click', name: '预告', key: 'HOTLINE_PREVIEW' },
  { type: 'click', name: '投票', key: 'POLL_VOTE' },
  { type: 'click', name: '问小宁', key: 'ASK_POLICY' },
];

const scopeLength = 80;

/** The text pushed to followers: unit, time, leader, scope and the link to the session's page. */
export function previewPushText(preview: PushedPreview, link: string): string {
  const scope = preview.scope.length > scopeLength ? `${preview.scope.slice(0, scopeLength)}…` : preview.scope;
  return [
    `【领导接线预告】${preview.unitName}`,
    `时间：${chinaDateTime(preview.startsAt)}–${chinaClock(preview.endsAt)}`,
    `接线领导：${preview.leaderTitle}`,
    `接线范围：${scope}`,
    `详情和留言：${link}`,
  ].join('\n');
}

const failureOf = (error: unknown): WechatOutcome => {
  const details = isAppError(error) ? error.details : undefined;
  const errcode = typeof details?.errcode === 'number' ? details.errcode : undefined;
  const errmsg = typeof details?.errmsg === 'string' ? details.errmsg : undefined;
  return { ok: false, errcode: errcode ?? null, message: describeWechatError(errcode, errmsg) };
};

/**
 * Publishing to the Official Account from the admin panel: a preview pushed to every follower (one 群发
 * request carrying the link), and the custom menu. WeChat's refusals come back as outcomes with the errcode,
 * never swallowed. Undefined when WECHAT_APP_ID/WECHAT_APP_SECRET are not set.
 */
export function createWechatPublisher(
  settings: WechatPublisherSettings,
  /** `tokenState`: the access_token kept with the channel's (and with Redis every process's), see wechat-api-client.ts. */
  options: { fetch?: typeof fetch; tokenState?: SharedState | undefined } = {},
) {
  if (!settings.appId || !settings.appSecret) return undefined;
  const api = createWechatApiClient({
    apiBase: settings.apiBase,
    appId: settings.appId,
    appSecret: settings.appSecret,
    fetch: options.fetch,
    tokenState: options.tokenState,
  });
  const publicBaseUrl = settings.publicBaseUrl;

  return {
    menu: columnMenu,
    publicBaseUrl: publicBaseUrl ?? null,
    linkOf: (previewId: string) => (publicBaseUrl ? `${publicBaseUrl}/previews/${encodeURIComponent(previewId)}` : undefined),

    async pushPreview(preview: PushedPreview): Promise<WechatOutcome> {
      if (!publicBaseUrl) {
        return { ok: false, errcode: null, message: '没有设置 PUBLIC_BASE_URL（栏目的公网地址），推送的消息无法附上链接，所以没有推送。' };
      }
      const link = `${publicBaseUrl}/previews/${encodeURIComponent(preview.id)}`;
      try {
        const { msgId } = await api.massSendTextToAll(previewPushText(preview, link));
        return { ok: true, msgId, message: `已提交微信群发${msgId ? `（消息编号 ${msgId}）` : ''}，链接：${link}` };
      } catch (error) {
        return failureOf(error);
      }
    },

    async setMenu(): Promise<WechatOutcome> {
      try {
        await api.createMenu(columnMenu);
        return { ok: true, message: `公众号菜单已设置：${columnMenu.map((button) => button.name).join('、')}` };
      } catch (error) {
        return failureOf(error);
      }
    },
  };
}

export type WechatPublisher = NonNullable<ReturnType<typeof createWechatPublisher>>;
