/**
 * The parts of a letter that carry no content: the greeting, the thanks, the closing. A summary that
 * keeps "尊敬的书记：您好" has wasted half its sixty characters.
 */
const formalSentence = new RegExp(
  [
    '^(尊敬|敬爱|亲爱)的',
    '^(各位)?(领导|书记|市长|县长|区长|局长|厅长|主任|镇长|同志|政府)[^，]{0,6}(你|您)好',
    '^[^，]{0,12}(你|您)(们)?好$',
    '^(你|您)(们)?好',
    '^(谢谢|感谢|多谢|万分感谢|非常感谢|不胜感激|感激不尽|此致|敬礼|盼复|急盼回复|望回复|期待回复|静候佳音)',
    '^(留言人|联系人|联系电话|举报人|实名举报人|控告人|投诉人|申请人|电话)[：:]',
    '^(19|20)\\d{2}[年.\\-/]\\d{1,2}[月.\\-/]\\d{1,2}日?$',
  ].join('|'),
  'u',
);

/** Greetings written in front of the first real clause of a sentence ("胡书记：您好！我们小区…"). */
const leadingGreeting = /^(尊敬的|敬爱的)?[^，。：:]{0,12}[：:]\s*((你|您)(们)?好[！!，,。]?)?/u;

export function isFormality(sentence: string): boolean {
  return formalSentence.test(sentence.trim());
}

export function withoutLeadingGreeting(sentence: string): string {
  const match = leadingGreeting.exec(sentence);
  if (!match || !/(书记|市长|县长|区长|局长|厅长|主任|领导|政府|同志|镇长|你好|您好)/u.test(match[0])) return sentence;
  return sentence.slice(match[0].length).trim();
}
