import zlib from 'node:zlib';
import { AppError } from '../../common';
import { limitMessages, tooLarge, type IngestLimits } from './ingest-limits';

/**
 * Checks the compressed streams of a PDF before pdfjs reads it. A page's content, a font or an object stream
 * is usually deflated, and pdfjs holds each decoded stream whole, so a few hundred KB of PDF can ask for
 * gigabytes. Every stream whose data is a zlib stream (what pdfjs's Flate decoder accepts) is inflated here as
 * a stream, counted and thrown away:
 *
 * - no stream may inflate to more than `maxInflatedBytes`;
 * - the streams pdfjs decodes to extract text (all but images) may not exceed it together;
 * - all of them, images included, may not exceed four times it (images are not decoded for text, but a
 *   stream's dictionary could claim to be an image).
 *
 * Filters that expand without zlib (LZW, RunLength) and Flate behind another filter cannot be measured this
 * way and are refused; they have not been written by office software for decades. An encrypted PDF's streams
 * cannot be measured before decryption: for those the text limit, checked while pdfjs reads, is the bound.
 */

const damaged = (detail: string) =>
  new AppError('UNPROCESSABLE', 'PDF 文件使用了不支持的压缩方式或结构异常，无法读取。请另存为新版 PDF 后再上传。', {
    details: { pdf: detail },
  });

/** The zlib header pdfjs checks too: deflate, a window it accepts, and a valid header checksum. */
const isZlibStart = (view: Buffer, offset: number) =>
  offset + 2 <= view.length && (view[offset]! & 0x0f) === 8 && ((view[offset]! << 8) + view[offset + 1]!) % 31 === 0;

/** Inflates from `offset` to the end of the zlib stream (trailing bytes are ignored), counting; stops past `limit`. */
function inflatedSize(view: Buffer, offset: number, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const inflater = zlib.createInflate();
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(size);
    };
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflater.destroy();
        finish();
      }
    });
    // A damaged stream decodes up to the damage, in pdfjs as here.
    inflater.on('error', finish);
    inflater.on('end', finish);
    inflater.end(view.subarray(offset));
  });
}

const streamKeyword = />>\s*stream(?:\r\n|\n|\r)/g;
const expandingFilter = /\/(?:LZWDecode|LZW|RunLengthDecode|RL)\b/;
const flateFilter = /\/(?:FlateDecode|Fl)\b/;

export async function checkPdfStreams(bytes: Uint8Array, limits: IngestLimits): Promise<void> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = view.toString('latin1');
  const encrypted = /\/Encrypt\b/.test(text);
  let decoded = 0;
  let everything = 0;
  for (const match of text.matchAll(streamKeyword)) {
    const dataStart = match.index + match[0].length;
    // The stream's dictionary, as far back as its object header (best effort: only used to refuse, or to tell images).
    const header = Math.max(...[' obj', '\nobj', '\robj'].map((keyword) => text.lastIndexOf(keyword, match.index)));
    const dictionary = text.slice(Math.max(header, match.index - 4096, 0), match.index + 2);
    if (expandingFilter.test(dictionary)) throw damaged('LZW or RunLength filter');
    if (!isZlibStart(view, dataStart)) {
      if (flateFilter.test(dictionary) && !encrypted) throw damaged('Flate behind another filter');
      continue;
    }
    const size = await inflatedSize(view, dataStart, limits.maxInflatedBytes);
    if (size > limits.maxInflatedBytes) throw tooLarge(limitMessages.inflatedBytes(limits.maxInflatedBytes));
    everything += size;
    if (everything > 4 * limits.maxInflatedBytes) throw tooLarge(limitMessages.inflatedBytes(4 * limits.maxInflatedBytes));
    if (/\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    decoded += size;
    if (decoded > limits.maxInflatedBytes) throw tooLarge(limitMessages.inflatedBytes(limits.maxInflatedBytes));
  }
}
