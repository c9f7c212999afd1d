/** What every loader produces: a title and the document's headings and paragraphs in reading order. */
export interface DocumentBlock {
  kind: 'heading' | 'paragraph';
  text: string;
  /** Heading level as written (1 = top); paragraphs have none. */
  level?: number;
}

export interface LoadedDocument {
  title: string;
  blocks: DocumentBlock[];
}

const maximumTitleLength = 60;

export const normaliseSpace = (text: string) =>
  text
    .replace(/[\u00a0\u2002-\u200b\u3000\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

/** Elements whose content is code or hidden from readers, never text (HTML, and raw HTML inside Markdown). */
export const nonTextElements = ['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object'];
const nonTextElement = new RegExp(`<(${nonTextElements.join('|')})\\b[^>]*>[\\s\\S]*?(?:</\\1\\s*>|$)`, 'gi');

/**
 * Markup reduced to its text: comments and non-text elements (an unclosed one runs to the end, as in a
 * browser) go with their content, other tags go and leave their content. Only `<` followed by a letter, `/`
 * or `!` starts a tag, so "收入<3000元" stays as written.
 */
export const stripMarkup = (text: string) =>
  text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(nonTextElement, '')
    .replace(/<\/?[a-z][^<>]*>/gi, '');

/**
 * A title or heading as plain text, whatever the format: markup and the content of scripts removed (a Word
 * file or an HTML entity can carry `<script>…</script>` as literal text, which a title must not show).
 */
export const plainTitle = (text: string) => normaliseSpace(stripMarkup(text));

/** A file name without folders and extension, as the title of last resort. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || base;
}

/**
 * The title of a text without markup: its first line when that line is short and not a sentence,
 * else the words before the first space (policy notices often run "发文机关 正文…" on one line),
 * else the file name.
 */
export function titleFromText(text: string, fileName: string): string {
  const firstLine =
    text
      .split('\n')
      .map(normaliseSpace)
      .find((line) => line !== '') ?? '';
  if (firstLine.length > 0 && firstLine.length <= maximumTitleLength && !/[。！？；]$/.test(firstLine)) return firstLine;
  const leading = firstLine.split(' ')[0] ?? '';
  if (leading.length >= 4 && leading.length <= maximumTitleLength && leading !== firstLine) return leading;
  return titleFromFileName(fileName);
}

/** Plain text: one paragraph per non-empty line. Structure (章/节/条) is recognised later by the chunker. */
export function blocksFromText(text: string): DocumentBlock[] {
  return text
    .split('\n')
    .map(normaliseSpace)
    .filter((line) => line !== '')
    .map((line) => ({ kind: 'paragraph' as const, text: line }));
}
