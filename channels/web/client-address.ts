import type { IncomingMessage } from 'node:http';

/**
 * The client's address the way express computes `request.ip` when `trust proxy` is a number of hops: the
 * address that many hops back along X-Forwarded-For (the socket's own address when no proxy is trusted). The
 * socket.io chat and the REST API therefore count one person as one address, whatever the header claims
 * beyond the trusted proxies.
 */
export function clientAddress(request: IncomingMessage, trustedProxies: number): string {
  const remote = request.socket.remoteAddress ?? '';
  if (trustedProxies <= 0) return remote;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '')
    .reverse();
  const hops = [remote, ...forwarded];
  return hops[Math.min(trustedProxies, hops.length - 1)]!;
}
