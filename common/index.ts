/** What the common layer offers the layers above it; they import it from here, never from its files. */
export { chinaClock, chinaDateTime } from './china-time';
export { AppError, isAppError, notFound } from './errors';
export { createRateLimiter } from './rate-limiter';
export {
  isVoterId,
  newVoterId,
  voterCookieMaxAgeMs,
  voterCookieName,
  voterIdFromCookieHeader,
  voterSetCookieHeader,
} from './voter-identity';
