/**
 * Chinese government files come in UTF-8 or in GB18030/GBK (older Windows tools). A strict UTF-8 decode
 * fails on GBK bytes almost at once, so trying UTF-8 first and falling back to GB18030 (a superset of
 * GBK and GB2312) is reliable without a statistical charset detector.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  // TextDecoder drops the byte order mark itself.
  const text = new TextDecoder(encoding).decode(bytes);
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}
