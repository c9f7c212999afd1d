import { decodeText } from './decode-text';
import { detectFormat, mimeTypes, type DocumentFormat } from './detect-format';
import { blocksFromText, titleFromText, type LoadedDocument } from './document-blocks';
import { loadDocx } from './load-docx';
import { loadHtml } from './load-html';
import { loadMarkdown } from './load-markdown';
import { loadPdf } from './load-pdf';

export interface LoadedFile extends LoadedDocument {
  format: DocumentFormat;
  mime: string;
}

/** Reads any supported file into title + blocks; the format comes from the bytes (see detectFormat). */
export async function loadDocument(bytes: Uint8Array, fileName: string): Promise<LoadedFile> {
  const format = detectFormat(bytes, fileName);
  const loaded = await loadByFormat(format, bytes, fileName);
  return { ...loaded, format, mime: mimeTypes[format] };
}

async function loadByFormat(format: DocumentFormat, bytes: Uint8Array, fileName: string): Promise<LoadedDocument> {
  switch (format) {
    case 'pdf':
      return loadPdf(bytes, fileName);
    case 'docx':
      return loadDocx(bytes, fileName);
    case 'html':
      return loadHtml(decodeText(bytes).text, fileName);
    case 'markdown':
      return loadMarkdown(decodeText(bytes).text, fileName);
    case 'text': {
      const { text } = decodeText(bytes);
      return { title: titleFromText(text, fileName), blocks: blocksFromText(text) };
    }
  }
}
