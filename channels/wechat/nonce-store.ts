/** What a nonce of a signed WeChat request was seen with before. */
export type NonceUse = 'new' | 'same' | 'reused';

/**
 * Where the nonces of signed WeChat requests are remembered while their timestamp is inside the accepted
 * window. In memory for one process; several processes need a shared implementation (Redis: SET NX with an
 * expiry, then compare the stored message key), because a replay may reach any of them.
 */
export interface NonceStore {
  /**
   * Records that `nonce` signed the message `messageKey`, until `expiresAt` (epoch milliseconds). `new` the
   * first time; `same` when it comes again with the same message (WeChat resending a request it got no answer
   * to); `reused` with any other message: a replay of the signature with a body of someone else's choosing.
   */
  use(nonce: string, messageKey: string, expiresAt: number): Promise<NonceUse>;
}

export interface MemoryNonceStoreOptions {
  /** The most nonces kept; only requests with a valid signature get here, so only WeChat's traffic fills it. */
  maxEntries?: number;
  now?: () => number;
}

export function createMemoryNonceStore(options: MemoryNonceStoreOptions = {}): NonceStore & { readonly size: number } {
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { messageKey: string; expiresAt: number }>();

  const forgetExpired = (time: number) => {
    for (const [nonce, entry] of entries) if (entry.expiresAt <= time) entries.delete(nonce);
    // Still full of live nonces: the oldest go first (insertion order), rather than memory without bound.
    for (const nonce of entries.keys()) {
      if (entries.size < maxEntries) break;
      entries.delete(nonce);
    }
  };

  return {
    async use(nonce, messageKey, expiresAt) {
      const time = now();
      const seen = entries.get(nonce);
      if (seen && seen.expiresAt > time) return seen.messageKey === messageKey ? 'same' : 'reused';
      if (entries.size >= maxEntries) forgetExpired(time);
      entries.set(nonce, { messageKey, expiresAt });
      return 'new';
    },
    get size() {
      return entries.size;
    },
  };
}
