import { AppError } from '../../common';

/**
 * How much one document may make the service read, inflate, parse and store. Every limit is checked before
 * the work it bounds (the ZIP central directory before anything is inflated, the inflated bytes while they
 * are inflated, the markup before a parser builds a tree of it), so a refused file costs little and leaves
 * nothing behind.
 *
 * The defaults leave a wide margin over the real corpus (its largest document, 食品安全法, has 29,295
 * characters in 167 chunks; a realistic Word file of it has about 25,000 XML tags) and keep the memory a
 * document can take bounded: mammoth needs up to ~2 KB per XML tag and ~0.3 KB per attribute, so the tag and
 * attribute limits hold a Word file's conversion to roughly 250 MB at worst (see `npm run bench:upload`).
 */
export interface IngestLimits {
  /** Entries in a ZIP archive (a DOCX). */
  maxArchiveEntries: number;
  /** Bytes a compressed file may inflate to in all: every entry of a DOCX, every compressed stream of a PDF. */
  maxInflatedBytes: number;
  /** Bytes of markup handed to a parser: the XML parts of a DOCX, the source of an HTML page. */
  maxMarkupBytes: number;
  /** Tags (every `<`) in that markup: a parser's memory grows with the tree it builds. */
  maxMarkupTags: number;
  /** Attributes (every `=`) in that markup. */
  maxMarkupAttributes: number;
  /** Characters of text a document may yield. */
  maxTextCharacters: number;
  /** Chunks one document may be cut into. */
  maxChunks: number;
}

const megabyte = 1024 * 1024;

export const defaultIngestLimits: IngestLimits = {
  maxArchiveEntries: 2_000,
  maxInflatedBytes: 50 * megabyte,
  maxMarkupBytes: 16 * megabyte,
  maxMarkupTags: 100_000,
  maxMarkupAttributes: 300_000,
  maxTextCharacters: 2_000_000,
  maxChunks: 5_000,
};

const inMegabytes = (bytes: number) => `${Math.round((bytes / megabyte) * 10) / 10} MB`;
const counted = (count: number) => count.toLocaleString('en-US');

/** A document that asks for more than a limit allows: 413, with the limit in the message. */
export const tooLarge = (what: string, details?: Record<string, unknown>) =>
  new AppError('PAYLOAD_TOO_LARGE', `文件内容太大，无法导入：${what}。请拆分成几个较小的文件后再上传。`, details ? { details } : {});

export const limitMessages = {
  archiveEntries: (limit: number) => `压缩包内的部件超过 ${counted(limit)} 个`,
  inflatedBytes: (limit: number) => `解压后超过 ${inMegabytes(limit)}`,
  markupBytes: (limit: number) => `文档结构（XML/HTML）超过 ${inMegabytes(limit)}`,
  markupTags: (limit: number) => `文档结构中的标签超过 ${counted(limit)} 个`,
  markupAttributes: (limit: number) => `文档结构中的属性超过 ${counted(limit)} 个`,
  textCharacters: (limit: number) => `文字超过 ${counted(limit)} 字`,
  chunks: (limit: number) => `切分后的段落超过 ${counted(limit)} 个`,
};

/** Refuses a text longer than the limit (checked before it is split into blocks). */
export function checkTextLength(length: number, limits: IngestLimits): void {
  if (length > limits.maxTextCharacters) {
    throw tooLarge(limitMessages.textCharacters(limits.maxTextCharacters), { characters: length });
  }
}

/** Counts `<` and `=` in markup; refuses markup over the byte, tag or attribute limit. */
export function checkMarkup(markup: string, limits: IngestLimits): void {
  if (markup.length > limits.maxMarkupBytes)
    throw tooLarge(limitMessages.markupBytes(limits.maxMarkupBytes), { characters: markup.length });
  let tags = 0;
  let attributes = 0;
  for (let index = markup.indexOf('<'); index >= 0; index = markup.indexOf('<', index + 1)) tags += 1;
  if (tags > limits.maxMarkupTags) throw tooLarge(limitMessages.markupTags(limits.maxMarkupTags), { tags });
  for (let index = markup.indexOf('='); index >= 0; index = markup.indexOf('=', index + 1)) attributes += 1;
  if (attributes > limits.maxMarkupAttributes) throw tooLarge(limitMessages.markupAttributes(limits.maxMarkupAttributes), { attributes });
}
