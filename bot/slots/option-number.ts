import { parseChineseNumber } from './chinese-numbers';

/** "投3号", "选第二个", "第5项", "选项二" → 3, 2, 5, 2. */
export function extractOptionNumber(text: string): number | undefined {
  const match =
    /(?:第\s*([0-9０-９一二两三四五六七八九十]+)\s*(?:个|项|位|名)?|([0-9０-９一二两三四五六七八九十]+)\s*号|^(?:投票|投|选)\s*([0-9０-９]+)\s*$|选项\s*([0-9０-９一二两三四五六七八九十]+))/.exec(
      text.trim(),
    );
  if (!match) return undefined;
  const value = parseChineseNumber(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
  return value !== undefined && value >= 1 && value <= 50 ? value : undefined;
}
