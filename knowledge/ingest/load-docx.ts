import mammoth from 'mammoth';
import { AppError, isAppError } from '../../common';
import type { LoadedDocument } from './document-blocks';
import type { IngestLimits } from './ingest-limits';
import { loadHtml } from './load-html';
import { checkZipArchive } from './zip-guard';

/** Images carry no text: mammoth is told not to read them (it would inline each as a base64 data URI). */
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * Word's heading styles become h1–h6 in mammoth's HTML, so the HTML loader sees the document's structure.
 * The archive is checked first (entries, inflated size, markup; see zip-guard), so mammoth and jszip only
 * ever unpack what fits the limits.
 */
export async function loadDocx(bytes: Uint8Array, fileName: string, limits: IngestLimits): Promise<LoadedDocument> {
  await checkZipArchive(bytes, limits);
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: skipImages }));
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('UNPROCESSABLE', 'Word 文件已损坏或无法读取。', { cause: error });
  }
  const loaded = loadHtml(html, fileName);
  const firstHeading = loaded.blocks.find((block) => block.kind === 'heading')?.text;
  return { ...loaded, title: firstHeading ?? loaded.title };
}
