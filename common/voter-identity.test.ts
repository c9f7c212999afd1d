import { createHmac } from 'node:crypto';
import { newVoterId, voterIdFromCookieHeader, voterSetCookieHeader } from './voter-identity';

const secret = 'voter-identity-test-secret';
const signed = (voterId: string, key = secret) =>
  `s:${voterId}.${createHmac('sha256', key).update(voterId).digest('base64').replace(/=+$/, '')}`;
const header = (value: string) => `other=1; xn_voter=${encodeURIComponent(value)}`;

describe('voterIdFromCookieHeader: only a correctly signed value is an identity', () => {
  const voterId = newVoterId();

  it('accepts the value the server signed, as it comes back in a Cookie header', () => {
    expect(voterIdFromCookieHeader(header(signed(voterId)), secret)).toBe(voterId);
    const issued = voterSetCookieHeader(voterId, secret, false).split(';')[0]!;
    expect(voterIdFromCookieHeader(issued, secret)).toBe(voterId);
  });

  it.each([
    ['an unsigned id (cookie-parser passes these through as they are)', voterId],
    ['an id signed with another secret', signed(voterId, 'another-secret')],
    ['a signature that does not match', `s:${voterId}.forged`],
    ['a signed value that is not a voter id', signed('admin')],
    ['an empty value', ''],
  ])('refuses %s', (_name, value) => {
    expect(voterIdFromCookieHeader(header(value), secret)).toBeUndefined();
  });

  it('has nothing without a header', () => {
    expect(voterIdFromCookieHeader(undefined, secret)).toBeUndefined();
    expect(voterIdFromCookieHeader('xn_voter=%E0%A4%A', secret)).toBeUndefined();
  });
});
