import { AppError } from '../../common';

export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text';

export const mimeTypes: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
};

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((value, index) => bytes[index] === value);

/** A ZIP archive is a DOCX only when it holds word/document.xml (its name sits in the local headers). */
function isDocx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml', 0, 'latin1');
}

/** Binary content (other than text encodings) has NUL bytes or many control characters near the start. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return false;
  let control = 0;
  for (const value of sample) {
    if (value === 0) return true;
    if (value < 0x09 || (value > 0x0d && value < 0x20)) control += 1;
  }
  return control > sample.length * 0.05;
}

/**
 * The format is decided by the content, never by the file name alone: an uploaded "policy.pdf" that is
 * really an executable is refused. The name only separates Markdown from plain text, which share bytes.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (isDocx(bytes)) return 'docx';
  if (looksBinary(bytes)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的文件类型：只接受 PDF、Word（DOCX）、网页（HTML）、Markdown 和纯文本文件。');
  }
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').trimStart().toLowerCase();
  if (/\.html?$/i.test(fileName) || head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (/\.(md|markdown)$/i.test(fileName)) return 'markdown';
  return 'text';
}
