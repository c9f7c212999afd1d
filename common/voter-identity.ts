import { createHmac, randomBytes } from 'node:crypto';
import { signedCookie } from 'cookie-parser';

/** The anonymous web identity: one signed cookie shared by the REST API (votes, chat) and the socket.io chat. */
export const voterCookieName = 'xn_voter';
export const voterCookieMaxAgeMs = 365 * 24 * 60 * 60 * 1000;
const voterIdPattern = /^v_[A-Za-z0-9_-]{22}$/;

export const newVoterId = () => `v_${randomBytes(16).toString('base64url')}`;
export const isVoterId = (value: unknown): value is string => typeof value === 'string' && voterIdPattern.test(value);

/**
 * The voter id in a cookie value, only when the server signed it. cookie-parser's `signedCookie()` hands back
 * a value without the `s:` prefix unchanged, so an unsigned `v_…` would pass for anyone's id without this check.
 */
export function verifiedVoterId(value: string, secret: string): string | undefined {
  if (!value.startsWith('s:')) return undefined;
  const unsigned = signedCookie(value, secret);
  return isVoterId(unsigned) ? unsigned : undefined;
}

/** The voter id in a raw Cookie header, only when its signature is valid: the one check for REST and socket.io alike. */
export function voterIdFromCookieHeader(header: string | undefined, secret: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== voterCookieName) continue;
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
    return verifiedVoterId(value, secret);
  }
  return undefined;
}

/**
 * A Set-Cookie header for `voterId`, signed the way express's `res.cookie(..., { signed: true })` signs
 * (cookie-signature: HMAC-SHA256, base64 without padding), for responses express does not build (socket.io).
 * `crossSite` (only with `secure`: browsers refuse SameSite=None without it) lets the widget on another
 * site keep its visitor.
 */
export function voterSetCookieHeader(voterId: string, secret: string, secure: boolean, crossSite = false): string {
  const signature = createHmac('sha256', secret).update(voterId).digest('base64').replace(/=+$/, '');
  const value = encodeURIComponent(`s:${voterId}.${signature}`);
  const expires = new Date(Date.now() + voterCookieMaxAgeMs).toUTCString();
  return `${voterCookieName}=${value}; Max-Age=${voterCookieMaxAgeMs / 1000}; Path=/; Expires=${expires}; HttpOnly; ${crossSite && secure ? 'SameSite=None' : 'SameSite=Lax'}${secure ? '; Secure' : ''}`;
}
