import { stdSerializers } from 'pino';

type ErrorLike = Error & Record<string, unknown>;

const isErrorLike = (value: unknown): value is ErrorLike =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';

/** PostgreSQL's own errors (pg, PGlite) carry a severity and a SQLSTATE code. */
const isDatabaseError = (error: ErrorLike) => typeof error.severity === 'string' && typeof error.code === 'string';

// Drizzle writes the query's parameters (a citizen's message, a phone number, a username) into its error
// message: "Failed query: <sql>\nparams: <values>".
const parametersStart = '\nparams: ';
// PostgreSQL echoes a refused value in a few messages, e.g. invalid input syntax for type integer: "13812345678".
const echoedValue = /^(invalid input (?:syntax|value) for [^:]+): .*$/s;

function withoutParameters(error: ErrorLike, seen: Set<unknown>): ErrorLike {
  if (seen.has(error)) return error;
  seen.add(error);
  let message = error.message;
  if ('params' in error && message.includes(parametersStart)) message = message.slice(0, message.indexOf(parametersStart));
  if (isDatabaseError(error)) message = message.replace(echoedValue, '$1: [redacted]');
  const stack =
    typeof error.stack === 'string' && message !== error.message
      ? error.stack.includes(error.message)
        ? error.stack.replace(error.message, () => message)
        : `${error.name}: ${message}${error.stack.slice(Math.max(0, error.stack.indexOf('\n    at ')))}`
      : error.stack;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as ErrorLike;
  for (const key of Object.keys(error)) {
    // `detail` of a database error quotes the row or key values, e.g. Key (username)=(…) already exists.
    if (key === 'params' || (key === 'detail' && isDatabaseError(error))) continue;
    const value = error[key];
    copy[key] = isErrorLike(value) ? withoutParameters(value, seen) : value;
  }
  Object.defineProperty(copy, 'message', { value: message, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(copy, 'stack', { value: stack, enumerable: false, writable: true, configurable: true });
  // `cause` is often not enumerable (new Error(message, { cause })); the serializer follows it for the log.
  if (error.cause !== undefined) {
    Object.defineProperty(copy, 'cause', {
      value: isErrorLike(error.cause) ? withoutParameters(error.cause as ErrorLike, seen) : error.cause,
      enumerable: Object.prototype.propertyIsEnumerable.call(error, 'cause'),
      writable: true,
      configurable: true,
    });
  }
  if (Array.isArray(error.errors)) {
    const errors: unknown[] = error.errors.map((item: unknown) => (isErrorLike(item) ? withoutParameters(item, seen) : item));
    Object.defineProperty(copy, 'errors', { value: errors, enumerable: false, writable: true, configurable: true });
  }
  return copy;
}

/**
 * pino's error serializer, except that no query parameter or value echoed by the database reaches the log:
 * the failed SQL, the error code and the stack are enough to find the fault, and the values are personal data.
 */
export function serializeError(error: unknown): unknown {
  if (!isErrorLike(error)) return error;
  // pino-http hands custom serializers pino's serialization of the error; its `raw` is the error itself.
  const original = isErrorLike(error.raw) ? error.raw : error;
  return stdSerializers.err(withoutParameters(original, new Set()));
}
