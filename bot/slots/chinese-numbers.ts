const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12", "十二", "二十一", "三十" → number; undefined when it is not a number. */
export function parseChineseNumber(text: string): number | undefined {
  const value = text.normalize('NFKC');
  if (/^\d+$/.test(value)) return Number(value);
  if (!/^[零〇一二两三四五六七八九十]+$/.test(value)) return undefined;
  if (!value.includes('十')) return [...value].reduce((total, character) => total * 10 + digits[character]!, 0);
  const [tens, ones] = value.split('十') as [string, string];
  return (tens === '' ? 1 : (digits[tens] ?? 0)) * 10 + (ones === '' ? 0 : (digits[ones] ?? 0));
}
