import type { RequestHandler } from 'express';

interface Logger {
  warn(object: object, message: string): void;
}

/**
 * Behind a reverse proxy with TRUST_PROXY=0 every client has the proxy's address, so the per-IP limits
 * (login failures, API and vote rate limits) count everyone together: one person's 20 failed logins lock
 * out the whole office behind it. The first request that came through a proxy says so in the log, once.
 * The forwarded addresses are not logged; their number tells the operator what TRUST_PROXY to set.
 */
export function untrustedProxyWarning(logger: Logger, trustProxy: number): RequestHandler {
  let warned = trustProxy > 0;
  return (request, _response, next) => {
    const forwardedFor = request.headers['x-forwarded-for'];
    if (!warned && forwardedFor !== undefined) {
      warned = true;
      logger.warn(
        { forwardedHops: String(forwardedFor).split(',').length },
        'requests arrive with X-Forwarded-For but TRUST_PROXY=0: every client behind the proxy shares one address for ' +
          'per-IP rate limits and login throttling; set TRUST_PROXY to the number of proxies in front of the service',
      );
    }
    next();
  };
}
