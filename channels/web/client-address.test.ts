import type { IncomingMessage } from 'node:http';
import { clientAddress } from './client-address';

const requestFrom = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddress: the address express reports as request.ip for a number of trusted proxies', () => {
  it('is the socket’s address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(requestFrom('198.51.100.9', '203.0.113.1'), 0)).toBe('198.51.100.9');
  });

  it('steps back one hop per trusted proxy and no further', () => {
    const request = requestFrom('10.0.0.2', '203.0.113.1, 192.0.2.44, 10.0.0.1');
    expect(clientAddress(request, 1)).toBe('10.0.0.1');
    expect(clientAddress(request, 2)).toBe('192.0.2.44');
    expect(clientAddress(request, 3)).toBe('203.0.113.1');
    // More trusted hops than the header has: the furthest address, as express does.
    expect(clientAddress(request, 9)).toBe('203.0.113.1');
    expect(clientAddress(requestFrom('10.0.0.2'), 1)).toBe('10.0.0.2');
  });
});
