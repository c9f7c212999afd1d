import type { CounterWindow, SharedState } from './shared-state';

/**
 * SharedState for one process: a Map of entries with an expiry. Bounded: past `maxKeys` the expired entries
 * go first, then the oldest, so a flood of new keys (addresses, message ids) cannot exhaust memory.
 */
export function createMemorySharedState(options: { now?: () => number; maxKeys?: number } = {}): SharedState {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 200_000;
  const entries = new Map<string, { count: number; value: string | undefined; expiresAt: number }>();

  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt > now()) return entry;
    if (entry) entries.delete(key);
    return undefined;
  };

  const makeRoom = () => {
    if (entries.size < maxKeys) return;
    const time = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= time) entries.delete(key);
    for (const key of entries.keys()) {
      if (entries.size < maxKeys) break;
      entries.delete(key);
    }
  };

  const put = (key: string, count: number, value: string | undefined, ttlMs: number) => {
    entries.delete(key);
    makeRoom();
    const entry = { count, value, expiresAt: now() + ttlMs };
    entries.set(key, entry);
    return entry;
  };

  const windowOf = (entry: { count: number; expiresAt: number } | undefined): CounterWindow =>
    entry ? { count: entry.count, resetInMs: Math.max(0, entry.expiresAt - now()) } : { count: 0, resetInMs: 0 };

  return {
    kind: 'memory',
    async hit(key, windowMs) {
      const entry = live(key);
      if (!entry) return windowOf(put(key, 1, undefined, windowMs));
      entry.count += 1;
      return windowOf(entry);
    },
    async peek(key) {
      return windowOf(live(key));
    },
    async claim(key, ttlMs, value = '1') {
      if (live(key)) return false;
      put(key, 1, value, ttlMs);
      return true;
    },
    async forget(key) {
      entries.delete(key);
    },
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      put(key, 0, value, ttlMs);
    },
    async close() {
      entries.clear();
    },
  };
}
