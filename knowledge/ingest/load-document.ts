import { decodeText } from './decode-text';
import { detectFormat, mimeTypes, type DocumentFormat } from './detect-format';
import { blocksFromText, plainTitle, titleFromFileName, titleFromText, type LoadedDocument } from './document-blocks';
import { checkMarkup, checkTextLength, defaultIngestLimits, type IngestLimits } from './ingest-limits';
import { loadDocx } from './load-docx';
import { loadHtml } from './load-html';
import { loadMarkdown } from './load-markdown';
import { loadPdf } from './load-pdf';

export interface LoadedFile extends LoadedDocument {
  format: DocumentFormat;
  mime: string;
}

/**
 * Reads any supported file into title + blocks; the format comes from the bytes (see detectFormat). Each
 * format is held to the limits before the work they bound (see ingest-limits), and the text it yields to the
 * text limit. The title and headings are plain text without markup or script text.
 */
export async function loadDocument(bytes: Uint8Array, fileName: string, limits: IngestLimits = defaultIngestLimits): Promise<LoadedFile> {
  const format = detectFormat(bytes, fileName);
  const loaded = await loadByFormat(format, bytes, fileName, limits);
  checkTextLength(
    loaded.blocks.reduce((sum, block) => sum + block.text.length, 0),
    limits,
  );
  // Titles and headings are shown as plain text (sources, citations, the admin list), whatever the format.
  const blocks = loaded.blocks
    .map((block) => (block.kind === 'heading' ? { ...block, text: plainTitle(block.text) } : block))
    .filter((block) => block.text !== '');
  return { title: plainTitle(loaded.title) || titleFromFileName(fileName), blocks, format, mime: mimeTypes[format] };
}

async function loadByFormat(format: DocumentFormat, bytes: Uint8Array, fileName: string, limits: IngestLimits): Promise<LoadedDocument> {
  switch (format) {
    case 'pdf':
      return loadPdf(bytes, fileName, limits);
    case 'docx':
      return loadDocx(bytes, fileName, limits);
    case 'html': {
      const { text } = decodeText(bytes);
      checkMarkup(text, limits);
      return loadHtml(text, fileName);
    }
    case 'markdown': {
      const { text } = decodeText(bytes);
      checkTextLength(text.length, limits);
      return loadMarkdown(text, fileName);
    }
    case 'text': {
      const { text } = decodeText(bytes);
      checkTextLength(text.length, limits);
      return { title: titleFromText(text, fileName), blocks: blocksFromText(text) };
    }
  }
}
