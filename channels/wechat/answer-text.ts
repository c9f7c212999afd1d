import { citedSources, type XiaoningResult } from '../../bot';

/** WeChat refuses text over 2048 bytes (errcode 45002); a margin keeps us clear of it. */
export const maxTextBytes = 2000;
const ellipsis = '……';
const maxSourcesShown = 5;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** The longest start of `text` within `maxBytes`, cut between characters, never inside one. */
export function truncateToBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  const budget = maxBytes - byteLength(ellipsis);
  let used = 0;
  let kept = '';
  for (const character of text) {
    used += byteLength(character);
    if (used > budget) break;
    kept += character;
  }
  return kept + ellipsis;
}

const sourceLine = ({ number, source }: ReturnType<typeof citedSources>[number]) => {
  const heading = source.headingPath.length > 0 ? ` ${source.headingPath.at(-1)}` : '';
  return `[${number}] 《${source.title}》${heading}`;
};

/**
 * Xiaoning's answer as one WeChat text: the answer, then the sources it cites as numbered titles matching
 * the [n] markers. When it is too long the answer is shortened, never the list of where it came from.
 */
export function wechatAnswerText(result: XiaoningResult, options: { maxBytes?: number; publicBaseUrl?: string | undefined } = {}): string {
  const maxBytes = options.maxBytes ?? maxTextBytes;
  const sources = citedSources(result)
    .slice(0, maxSourcesShown)
    .map((cited) => truncateToBytes(sourceLine(cited), 160));
  // The column's pages (往期回顾, 诉求数据分析) only when the column has a public address to open.
  const pages = options.publicBaseUrl ? result.pages.map((page) => `${page.label}：${options.publicBaseUrl}${page.path}`) : [];
  const sourceBlock = (sources.length > 0 ? `\n\n出处：\n${sources.join('\n')}` : '') + (pages.length > 0 ? `\n\n${pages.join('\n')}` : '');
  const answer = truncateToBytes(result.answer.trim(), Math.max(200, maxBytes - byteLength(sourceBlock)));
  return truncateToBytes(answer + sourceBlock, maxBytes);
}
