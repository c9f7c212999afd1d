import type * as PdfJs from 'pdfjs-dist';
import { AppError } from '../../common';
import { blocksFromText, titleFromText, type LoadedDocument } from './document-blocks';

/**
 * pdfjs-dist ships ES modules only, so it is loaded with a real dynamic import (tsx and jest, with
 * swc's ignoreDynamic, keep `import()` as written; a string variable stops tsc resolving the path).
 */
const pdfJsModule: string = 'pdfjs-dist/legacy/build/pdf.mjs';
const loadPdfJs = async (): Promise<typeof PdfJs> => (await import(pdfJsModule)) as typeof PdfJs;

/** The text of every page, a line per text run that ends a line, then handled like plain text. */
export async function loadPdf(bytes: Uint8Array, fileName: string): Promise<LoadedDocument> {
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
        const content = await page.getTextContent();
        for (const item of content.items) {
          if (!('str' in item)) continue;
          text += item.str;
          if (item.hasEOL) text += '\n';
        }
        text += '\n';
        page.cleanup();
      }
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    throw new AppError('UNPROCESSABLE', 'PDF 文件已损坏、加密或无法读取。', { cause: error });
  }
  if (text.trim() === '') {
    throw new AppError('UNPROCESSABLE', 'PDF 中没有可提取的文字（可能是扫描件），请上传文字版。');
  }
  return { title: titleFromText(text, fileName), blocks: blocksFromText(text) };
}
