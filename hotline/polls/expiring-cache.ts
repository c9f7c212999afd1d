/**
 * What a vote checks and does not change (the poll, its options, the voted unit's suggestions), kept for a
 * short while instead of read per vote. The same key loading twice at once shares one load; a failed load is
 * not kept. `forget` drops everything at once (an administrator changed a poll in this process); other
 * processes see the change when their copy expires.
 */
export function createExpiringCache<T>(options: {
  load: (key: string) => Promise<T>;
  ttlMs: number;
  maxEntries?: number;
  nowMs?: () => number;
}) {
  const nowMs = options.nowMs ?? Date.now;
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, { value: Promise<T>; expiresAt: number }>();
  return {
    get(key: string): Promise<T> {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > nowMs()) return entry.value;
      // Keys come from requests (any poll id): past the bound the expired entries go, then all of them.
      if (entries.size >= maxEntries) {
        for (const [each, kept] of entries) if (kept.expiresAt <= nowMs()) entries.delete(each);
        if (entries.size >= maxEntries) entries.clear();
      }
      const value = options.load(key);
      const loaded = { value, expiresAt: nowMs() + options.ttlMs };
      entries.set(key, loaded);
      value.catch(() => {
        if (entries.get(key) === loaded) entries.delete(key);
      });
      return value;
    },
    forget(): void {
      entries.clear();
    },
  };
}
