/**
 * Words every kind of letter uses (the writer's label, the request, the addressee): frequent enough to
 * come out as keywords, but they say nothing about the matter.
 */
const letterWords = new Set(
  (
    '投诉 举报 反映 咨询 求助 建议 请求 恳请 要求 希望 解决 处理 尽快 问题 情况 领导 政府 市政府 市委 部门 相关 有关 本人 我家 ' +
    '我们 大家 办理 谢谢 感谢 越来越 一直 现在 目前 已经 没有 还是 可以 这个 那个 什么 为什么 怎么'
  ).split(' '),
);

/** A keyword worth showing: Chinese (not a code such as "A7"), two characters or more, not a letter word. */
export const isTopicalKeyword = (keyword: string): boolean =>
  keyword.length >= 2 && /[\u4e00-\u9fff]/u.test(keyword) && !letterWords.has(keyword);
