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
