export interface RetryGuardOptions {
  /** How long a message is remembered; WeChat's three retries come within about 15 s. */
  ttlMs?: number;
  /** The most messages remembered at once; the oldest are forgotten first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Remembers which messages are already being answered, so WeChat's retries of one message never run the
 * agent again or deliver a second answer. Bounded in time and in size: a flood of distinct ids costs at most
 * `maxEntries` keys.
 */
export function createRetryGuard(options: RetryGuardOptions = {}) {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 20_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order and every entry lives equally long, so the oldest come first.
  const expiries = new Map<string, number>();

  const forgetExpired = (time: number) => {
    for (const [key, expiresAt] of expiries) {
      if (expiresAt > time && expiries.size <= maxEntries) break;
      expiries.delete(key);
    }
  };

  return {
    /** True the first time `key` is seen (within the TTL); false for every retry of it. */
    claim(key: string): boolean {
      const time = now();
      forgetExpired(time);
      if (expiries.has(key)) return false;
      expiries.set(key, time + ttlMs);
      forgetExpired(time);
      return true;
    },
    get size() {
      return expiries.size;
    },
  };
}

export type RetryGuard = ReturnType<typeof createRetryGuard>;
