import type { SharedState } from './shared-state';

export interface SharedRateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * A fixed-window rate limit whose counts live in SharedState, so that with several processes the limit holds
 * for all of them together. When the shared store cannot be reached (Redis restarting) the limit lets the
 * event through and reports the error: a short gap in rate limiting is better than refusing every citizen.
 */
export function createSharedRateLimiter(options: {
  state: SharedState;
  /** Keeps the counters of different limits apart (e.g. `api`, `vote`). */
  name: string;
  limit: number;
  windowMs: number;
  onStoreError?: (error: unknown) => void;
}) {
  const keyOf = (key: string) => `rate:${options.name}:${key}`;
  const resultOf = (count: number, resetInMs: number): SharedRateLimitResult => ({
    allowed: count <= options.limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)),
  });
  const unavailable = (error: unknown): SharedRateLimitResult => {
    options.onStoreError?.(error);
    return { allowed: true, count: 0, retryAfterSeconds: 0 };
  };
  return {
    async hit(key: string): Promise<SharedRateLimitResult> {
      try {
        const window = await options.state.hit(keyOf(key), options.windowMs);
        return resultOf(window.count, window.resetInMs);
      } catch (error) {
        return unavailable(error);
      }
    },
    async check(key: string): Promise<SharedRateLimitResult> {
      try {
        const window = await options.state.peek(keyOf(key));
        if (window.count === 0) return { allowed: true, count: 0, retryAfterSeconds: 0 };
        return { ...resultOf(window.count + 1, window.resetInMs), count: window.count };
      } catch (error) {
        return unavailable(error);
      }
    },
    async reset(key: string): Promise<void> {
      await options.state.forget(keyOf(key)).catch(options.onStoreError ?? (() => undefined));
    },
  };
}

export type SharedRateLimiter = ReturnType<typeof createSharedRateLimiter>;
