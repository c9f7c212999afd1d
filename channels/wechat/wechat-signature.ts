import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's signature: sha1 of the parts sorted and joined. The URL signature signs token, timestamp and
 * nonce; safe mode's msg_signature adds the Encrypt text.
 */
export function wechatSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Constant-time, so response timing says nothing about how much of a forged signature was right. */
export function signatureMatches(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const left = Buffer.from(given.toLowerCase());
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
