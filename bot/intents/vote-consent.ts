import type { IntentRouter } from './intent-router';

/** Quoted or forwarded text is someone else's words, not the person's own request. */
const quoted = /“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"|‘[^’]*’/g;
const forwarded = /(消息|通知|短信|内容|文章|文件|帖子|群里|朋友圈|写着|上面说|他说|她说|别人说|有人说|转发)[^，。！？,.!?]{0,6}[:：].*$/s;

/**
 * Whether the person's own message in this turn asks to vote. Only then may cast_vote act: a document, a
 * tool result, or a quoted or forwarded message that says "vote for X" cannot vote.
 */
export function asksToVote(message: string, router: IntentRouter): boolean {
  const ownWords = message.replace(quoted, ' ').replace(forwarded, ' ').trim();
  // Several lines are pasted material (a notice, a document), not a request typed in the chat.
  if (ownWords.split('\n').filter((line) => line.trim() !== '').length > 1) return false;
  return ownWords !== '' && router.route(ownWords).intent === 'cast_vote';
}
