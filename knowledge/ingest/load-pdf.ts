import type * as PdfJs from 'pdfjs-dist';
import { AppError, isAppError } from '../../common';
import { blocksFromText, titleFromText, type LoadedDocument } from './document-blocks';
import { checkTextLength, type IngestLimits } from './ingest-limits';
import { checkPdfStreams } from './pdf-guard';

/**
 * pdfjs-dist ships ES modules only, so it is loaded with a real dynamic import (tsx and jest, with
 * swc's ignoreDynamic, keep `import()` as written; a string variable stops tsc resolving the path).
 */
const pdfJsModule: string = 'pdfjs-dist/legacy/build/pdf.mjs';
const loadPdfJs = async (): Promise<typeof PdfJs> => (await import(pdfJsModule)) as typeof PdfJs;
type TextContent = Awaited<ReturnType<PdfJs.PDFPageProxy['getTextContent']>>;

/**
 * The text of every page, a line per text run that ends a line, then handled like plain text. The compressed
 * streams are measured first (pdf-guard); the text is read page by page as a stream of small pieces and the
 * reading stops as soon as it passes the text limit.
 */
export async function loadPdf(bytes: Uint8Array, fileName: string, limits: IngestLimits): Promise<LoadedDocument> {
  await checkPdfStreams(bytes, limits);
  const pdfjs = await loadPdfJs();
  let text = '';
  try {
    const task = pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
    const pdf = await task.promise;
    try {
      for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
        const page = await pdf.getPage(pageNumber);
        const reader = (page.streamTextContent() as ReadableStream<TextContent>).getReader();
        try {
          for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
            for (const item of piece.value.items) {
              if (!('str' in item)) continue;
              text += item.str;
              if (item.hasEOL) text += '\n';
            }
            checkTextLength(text.length, limits);
          }
        } finally {
          // pdfjs asserts that a cancelled stream has an Error for its reason.
          await reader.cancel(new Error('text read')).catch(() => undefined);
        }
        text += '\n';
        page.cleanup();
      }
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('UNPROCESSABLE', 'PDF 文件已损坏、加密或无法读取。', { cause: error });
  }
  if (text.trim() === '') {
    throw new AppError('UNPROCESSABLE', 'PDF 中没有可提取的文字（可能是扫描件），请上传文字版。');
  }
  return { title: titleFromText(text, fileName), blocks: blocksFromText(text) };
}
