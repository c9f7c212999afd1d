import type { WechatReply } from './reply-xml';
import type { WechatShortcuts } from './wechat-shortcuts';
import { wechatTexts } from './wechat-texts';

/** What a menu button does: answer from the data, or put a fixed question to Xiaoning. */
export type MenuAction = { reply: () => Promise<WechatReply> } | { ask: string };

/**
 * The CLICK keys the account's custom menu may use (set them in the menu configuration). An unknown key
 * gets the welcome text, which lists everything Xiaoning can do.
 */
export function menuActions(shortcuts: Pick<WechatShortcuts, 'previews' | 'results'>): Record<string, MenuAction> {
  const fixed = (content: string): MenuAction => ({ reply: async () => ({ type: 'text', content }) });
  return {
    HOTLINE_PREVIEW: { reply: shortcuts.previews },
    POLL_VOTE: { reply: shortcuts.results },
    POLL_RESULTS: { reply: shortcuts.results },
    PAST_APPEALS: { ask: '看看往期的诉求和回复' },
    APPEAL_STATISTICS: { ask: '诉求最多的是哪一类' },
    ASK_POLICY: fixed(wechatTexts.askPolicy),
    HELP: fixed(wechatTexts.welcome),
  };
}
