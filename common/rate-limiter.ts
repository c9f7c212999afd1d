export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Bound on the number of keys kept, so a flood of new addresses cannot exhaust memory. */
  maxKeys?: number;
}

/**
 * Fixed-window counters kept in memory. One process serves one deployment by default; with several
 * processes each counts its own share, which errs on the generous side.
 */
export function createRateLimiter(options: RateLimiterOptions) {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const windows = new Map<string, { count: number; resetAt: number }>();

  const current = (key: string) => {
    const time = now();
    const window = windows.get(key);
    if (window && window.resetAt > time) return window;
    if (window) windows.delete(key);
    return undefined;
  };

  const pruneIfFull = () => {
    if (windows.size < maxKeys) return;
    const time = now();
    for (const [key, window] of windows) if (window.resetAt <= time) windows.delete(key);
    // Still full of live windows: drop the oldest entries rather than grow without bound.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  };

  const resultOf = (count: number, resetAt: number): RateLimitResult => ({
    allowed: count <= options.limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now()) / 1000)),
  });

  return {
    /** Counts one event for `key` and says whether it is still within the limit. */
    hit(key: string): RateLimitResult {
      let window = current(key);
      if (!window) {
        pruneIfFull();
        window = { count: 0, resetAt: now() + options.windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return resultOf(window.count, window.resetAt);
    },
    /** Says whether one more event would be allowed, without counting one. */
    check(key: string): RateLimitResult {
      const window = current(key);
      if (!window) return { allowed: true, count: 0, retryAfterSeconds: 0 };
      return { ...resultOf(window.count + 1, window.resetAt), count: window.count };
    },
    reset(key: string): void {
      windows.delete(key);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
