/**
 * Whether an error means "the database cannot be reached right now" (server down, restarting, shutting
 * down, a connection cut, or no connection or answer within the pool's bounds), as opposed to a bug or a
 * bad query. The error handler answers these with 503 and a plain message; everything else stays a 500.
 */

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: admin_shutdown, crash_shutdown,
// cannot_connect_now, database_dropped), and 53300 (too_many_connections).
const unavailableStates = /^(08|57P|53300$)/;
const unavailableNetworkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres reports a lost connection or a timeout with these messages and no code.
const unavailableMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'the database system is',
];

function isUnavailableItself(error: object): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (unavailableStates.test(code) || unavailableNetworkCodes.has(code))) return true;
  return typeof message === 'string' && unavailableMessages.some((each) => message.includes(each));
}

/** Looks through `cause` chains (Drizzle wraps the driver's error) and AggregateErrors (one per address tried). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 6) return false;
  // An HTTP call (Chroma, a model service) that failed carries the same network codes: not the database.
  if (error instanceof TypeError && error.message === 'fetch failed') return false;
  if (isUnavailableItself(error)) return true;
  if (error instanceof AggregateError && error.errors.some((each) => isDatabaseUnavailable(each, depth + 1))) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}
