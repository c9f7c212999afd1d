import type { IntentRouter } from './intent-router';

/**
 * What a message says about voting. `explicit`: the person's own plain request, so cast_vote may act.
 * `doubtful`: it talks about a vote but is not that (a negation, someone else's words, a quote, a question,
 * pasted material), so Xiaoning asks instead of voting. `none`: it is not about casting a vote.
 */
export type VoteConsent = 'explicit' | 'doubtful' | 'none';

/** Quoted or forwarded text is someone else's words, not the person's own request. */
const quoted = /“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"|‘[^’]*’/g;
const forwarded = /(消息|通知|短信|内容|文章|文件|帖子|群里|朋友圈|写着|上面说|他说|她说|别人说|有人说|转发)[^，。！？,.!?]{0,6}[:：].*$/s;
/** Lines quoted the way mail and forums quote (> …), whoever wrote them. */
const quotedLine = /^[ \t]*[>＞›»|｜].*$/gm;

const voteWord = '(?:投|选|票)';
/** Any talk of casting a vote, also in words the router does not know (他说投城管局); 投诉, 投资, 投保… are not votes. */
const voteMention = /投(?!诉|资|入|放|稿|保|递|标|产|篮|影)|选\s*第?\s*[0-9一二三四五六七八九十]|一票|选票/;
/** 不 covers 不要/不想/不用/不打算, 没 covers 没有; each may stand a few characters before the verb (我不想给城管局投票). */
const negated = new RegExp(`(?:不|别|没|勿|莫|甭|未|休|拒绝|反对|无需|无须)[^，。！？,.!?；;]{0,12}?${voteWord}`);
/** Taking it back after the verb: 投城管局就算了, 投票的事不用了. */
const withdrawn = /算了|罢了|不用了|不必了|不要了|取消|撤回|改主意/;
/** Someone else asking (让我/叫我/要我们/请大家…) or saying (他说, 听说, 通知说…) before the vote verb. */
const reported = new RegExp(
  `(?:(?:让|叫|要|请|喊|劝|逼|求|托|催|号召|动员|提醒|通知)(?:我|咱|大家|他|她|各位|全家|家人)|说|讲|称|听说|据说|转告|发来|发给)[^]{0,16}?${voteWord}`,
);
const question = /[？?]|[吗么嘛呢][\s。！!~～]*$|能不能|可不可以|行不行|该不该|要不要|是不是|投谁|选谁|投哪|选哪|还是/;

const ownWordsOf = (message: string) => message.replace(quotedLine, ' ').replace(quoted, ' ').replace(forwarded, ' ').trim();
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
const clauses = (text: string) => text.split(/[，,。.!！；;、\s]+/).filter((clause) => clause !== '');

/**
 * Whether the person's own message in this turn asks to vote. Only `explicit` lets cast_vote act: a
 * document, a tool result, a quoted or forwarded message, a refusal or a question that mentions a vote
 * cannot cast one. When in doubt the answer is `doubtful`, and Xiaoning asks for a plain "确认".
 */
/** A question about the tally by its wording (票数, 排名), not a classifier's guess about a vague one. */
const isPollQuestion = (routed: { intent: string; byCue: boolean }) => routed.byCue && routed.intent === 'get_poll_results';

export function voteConsent(message: string, router: IntentRouter): VoteConsent {
  const text = message.normalize('NFKC').trim();
  const ownWords = ownWordsOf(text);
  const routesToVote = (words: string) => words !== '' && router.route(words).intent === 'cast_vote';
  const ownRequest = routesToVote(ownWords) || clauses(ownWords).some(routesToVote);
  const aboutVoting = ownRequest || lines(text).some(routesToVote) || (voteMention.test(text) && !isPollQuestion(router.route(text)));
  if (!aboutVoting) return 'none';
  // Something was quoted, forwarded or pasted (several lines): whatever it says, it is not this person's request.
  if (!ownRequest || ownWords !== text || lines(ownWords).length > 1) return 'doubtful';
  if (clauses(ownWords).some((clause) => negated.test(clause))) return 'doubtful';
  if (withdrawn.test(ownWords) || reported.test(ownWords) || question.test(ownWords)) return 'doubtful';
  return 'explicit';
}

/** A plain yes to "要为…投一票吗？回复“确认”即可": the only reply that turns a pending vote into a vote. */
export function isConfirmation(message: string): boolean {
  return /^(?:确认|确定|确认投票|确定投票|是|是的|对|对的|好|好的|可以|同意|嗯+|投吧)[\s。.!！~～]*$/.test(
    message.normalize('NFKC').trim(),
  );
}

/** How Xiaoning asks when a message mentions a vote without plainly asking for one; the cue marks the question. */
export const confirmationCue = '回复“确认”即可';
export const confirmationQuestion = (unitName: string) => `要为${unitName}投一票吗？${confirmationCue}。`;
