import type { LoadedDocument } from './document-blocks';
import { splitSentences } from '../../text';
import { limitMessages, tooLarge } from './ingest-limits';

export interface DocumentChunk {
  ordinal: number;
  text: string;
  /** Title first, then the enclosing parts, chapters, sections and the article, e.g. [条例, 第四章 提取和使用, 第二十四条]. */
  headingPath: string[];
}

export interface ChunkingOptions {
  /** Upper bound of a chunk's length in characters; a single longer sentence is cut at commas. */
  maxCharacters?: number;
  /** More chunks than this refuse the document (413) as soon as they are reached, before the rest is cut. */
  maxChunks?: number;
}

const numeral = '[一二三四五六七八九十百千零〇两\\d]+';
/** Law structure: 编 > 分编 > 章 > 节, each written as "第X章 名称" on its own line. */
const structurePattern = new RegExp(`^第${numeral}(编|分编|章|节)(?:\\s+\\S.*)?$`);
const structureRank: Record<string, number> = { 编: 1, 分编: 2, 章: 3, 节: 4 };
/** "第十条 …" starts an article; "第十条第二款…" or "第十条规定的…" only mention one. */
const articlePattern = new RegExp(`^(第${numeral}条)(?:之${numeral})?(?=\\s|$|(?!第${numeral}[款项])[^款项规])`);

function splitLongSentence(sentence: string, maxCharacters: number): string[] {
  if (sentence.length <= maxCharacters) return [sentence];
  const pieces: string[] = [];
  let current = '';
  for (const clause of sentence.match(/[^，,、：:]+[，,、：:]*/g) ?? [sentence]) {
    if (current !== '' && current.length + clause.length > maxCharacters) {
      pieces.push(current);
      current = '';
    }
    current += clause;
    while (current.length > maxCharacters) {
      pieces.push(current.slice(0, maxCharacters));
      current = current.slice(maxCharacters);
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Packs whole sentences into pieces of at most maxCharacters. */
function packSentences(text: string, maxCharacters: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const sentence of splitSentences(text).flatMap((each) => splitLongSentence(each, maxCharacters))) {
    if (current !== '' && current.length + sentence.length > maxCharacters) {
      pieces.push(current);
      current = '';
    }
    // A line that ended without punctuation (a date line, a list item) keeps its line break.
    current += current === '' || /[。！？；!?;”’」』）)]$/.test(current) ? sentence : `\n${sentence}`;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * Turns a loaded document into retrieval chunks. A law article (第X条) is always its own unit so an answer
 * can cite it; other paragraphs under the same heading are grouped; each unit is cut at sentence ends into
 * chunks of at most `maxCharacters`. Headings (Markdown/HTML/Word headings, or 第X章-style lines in any
 * format) form the heading path.
 */
export function chunkDocument(document: LoadedDocument, options: ChunkingOptions = {}): DocumentChunk[] {
  const maxCharacters = options.maxCharacters ?? 400;
  const maxChunks = options.maxChunks ?? Infinity;
  const chunks: DocumentChunk[] = [];
  const headings: (string | undefined)[] = [];
  let unitText: string[] = [];
  let unitArticle: string | undefined;

  const currentPath = () => [document.title, ...headings.filter((heading): heading is string => heading !== undefined)];
  const flushUnit = () => {
    const text = unitText.join('\n');
    unitText = [];
    const path = unitArticle ? [...currentPath(), unitArticle] : currentPath();
    unitArticle = undefined;
    for (const piece of packSentences(text, maxCharacters)) {
      if (chunks.length >= maxChunks) throw tooLarge(limitMessages.chunks(maxChunks));
      chunks.push({ ordinal: chunks.length, text: piece, headingPath: path });
    }
  };
  const setHeading = (rank: number, text: string) => {
    flushUnit();
    headings.length = rank;
    headings[rank - 1] = text;
  };

  for (const block of document.blocks) {
    const structure = block.text.length <= 40 ? structurePattern.exec(block.text) : null;
    if (structure) {
      // Law ranks sit below the title (rank 1–4 → 2–5 so a Markdown "# 标题" above them is never replaced).
      setHeading(structureRank[structure[1]!]! + 1, block.text);
      continue;
    }
    if (block.kind === 'heading') {
      if (block.text === document.title) continue;
      setHeading(Math.max(1, (block.level ?? 2) - 1), block.text);
      continue;
    }
    const article = articlePattern.exec(block.text);
    if (article) {
      flushUnit();
      unitArticle = article[1];
    }
    unitText.push(block.text);
  }
  flushUnit();
  return chunks;
}
