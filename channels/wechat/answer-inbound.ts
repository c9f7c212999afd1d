import type { WechatReply } from './reply-xml';
import { menuActions } from './menu-actions';
import type { WechatInbound } from './wechat-xml';
import type { WechatShortcuts } from './wechat-shortcuts';
import { wechatTexts } from './wechat-texts';
import { isAppError } from '../../common';

export interface InboundAnswerDependencies {
  shortcuts: Pick<WechatShortcuts, 'answer' | 'previews' | 'results'>;
  /** Puts `text` to Xiaoning as the person `openid` and returns what to send back; `raw` is the parsed XML. */
  askXiaoning(openid: string, text: string, raw: unknown): Promise<WechatReply>;
  /** A voice message's text from its recording (media API + speech service); absent without a speech provider. */
  transcribeVoice?: ((mediaId: string) => Promise<string>) | undefined;
  logger?: { warn(object: object, message: string): void };
}

const text = (content: string): WechatReply => ({ type: 'text', content });

/**
 * Decides what one WeChat message gets back: text and recognised voice go to the keywords, then to
 * Xiaoning; subscribe gets the welcome; menu clicks their action. `undefined` means no reply at all (events
 * WeChat does not let us answer, such as unsubscribe or a menu link being opened).
 */
export function createInboundAnswerer(deps: InboundAnswerDependencies) {
  const menu = menuActions(deps.shortcuts);

  return async (inbound: WechatInbound, raw: unknown): Promise<WechatReply | undefined> => {
    const openid = inbound.FromUserName;
    const answerText = (message: string): Promise<WechatReply> =>
      deps.shortcuts.answer(openid, message) ?? deps.askXiaoning(openid, message, raw);
    switch (inbound.MsgType) {
      case 'text': {
        const message = inbound.Content?.trim() ?? '';
        return message === '' ? text(wechatTexts.textOrVoiceOnly) : answerText(message);
      }
      case 'voice': {
        const recognised = inbound.Recognition?.trim() ?? '';
        if (recognised !== '') return answerText(recognised);
        if (!deps.transcribeVoice || !inbound.MediaId) return text(wechatTexts.typeInstead);
        let transcribed: string;
        try {
          transcribed = (await deps.transcribeVoice(inbound.MediaId)).trim();
        } catch (error) {
          deps.logger?.warn({ err: error, channel: 'wechat' }, 'voice message not transcribed');
          // Not heard, or a format we cannot read: say it again or type; the service down: type.
          const unheard = isAppError(error) && (error.code === 'UNPROCESSABLE' || error.code === 'UNSUPPORTED_MEDIA_TYPE');
          return text(unheard ? wechatTexts.typeInstead : wechatTexts.voiceUnavailable);
        }
        return transcribed === '' ? text(wechatTexts.typeInstead) : answerText(transcribed);
      }
      case 'event': {
        const event = inbound.Event?.toLowerCase();
        if (event === 'subscribe') return text(wechatTexts.welcome);
        if (event !== 'click') return undefined;
        const action = Object.hasOwn(menu, inbound.EventKey ?? '') ? menu[inbound.EventKey!] : undefined;
        if (!action) return text(wechatTexts.welcome);
        return 'ask' in action ? deps.askXiaoning(openid, action.ask, raw) : action.reply();
      }
      default:
        return text(wechatTexts.textOrVoiceOnly);
    }
  };
}
