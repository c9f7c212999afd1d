/** What is left of a question about past appeals once the unit, the dates and the asking words are removed. */
export function appealKeywords(
  text: string,
  unitWords: string[],
  dateWords: string[],
  segment: (text: string) => string[],
): string | undefined {
  let rest = text;
  for (const word of [...unitWords, ...dateWords]) rest = rest.split(word).join(' ');
  rest = rest
    .replace(
      /宁德市|宁德|以前|之前|往期|历史|有没有人|有人|别人|大家|都|反映过|反映了|反映|投诉过|诉求|问题|留言|哪些|什么|怎么|答复|处理|的|吗|呢|查一下|查查|帮我|找一下|看看|关于|有关|类似|过|收到|了|最近|记录|接线|上次/g,
      ' ',
    )
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
  const words = segment(rest).filter((word) => word.length >= 2);
  return words.length > 0 ? words.slice(0, 3).join(' ') : undefined;
}
