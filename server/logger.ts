import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeError } from './error-log-serializer';

/**
 * Paths that may carry secrets. Bodies are never logged by the request logger, but code that logs
 * an object by mistake still must not leak a password or a session token.
 */
const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'passwordHash',
  'token',
  'csrfToken',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.csrfToken',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' }, serializers: { err: serializeError } }, destination);
}

export type { Logger };
