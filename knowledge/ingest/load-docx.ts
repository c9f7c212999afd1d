import mammoth from 'mammoth';
import { AppError } from '../../common';
import type { LoadedDocument } from './document-blocks';
import { loadHtml } from './load-html';

/** Word's heading styles become h1–h6 in mammoth's HTML, so the HTML loader sees the document's structure. */
export async function loadDocx(bytes: Uint8Array, fileName: string): Promise<LoadedDocument> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (error) {
    throw new AppError('UNPROCESSABLE', 'Word 文件已损坏或无法读取。', { cause: error });
  }
  const loaded = loadHtml(html, fileName);
  const firstHeading = loaded.blocks.find((block) => block.kind === 'heading')?.text;
  return { ...loaded, title: firstHeading ?? loaded.title };
}
