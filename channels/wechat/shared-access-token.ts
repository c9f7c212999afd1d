import type { SharedState } from '../../common';

/**
 * WeChat allows one valid access_token per Official Account: every fetch invalidates the previous token (after
 * a short grace), so processes that each fetch their own keep breaking each other's calls (40001). The token
 * therefore lives in SharedState (Redis with several processes): whoever finds it missing or about to expire
 * takes a short refresh claim and fetches; the others wait for the new token instead of fetching too.
 */
export interface SharedAccessToken {
  /** The stored token when it is still valid, else a fresh one (fetched here or by another process). */
  obtain(fetchToken: () => Promise<{ token: string; expiresAt: number }>): Promise<{ token: string; expiresAt: number }>;
  /** Forgets `token` when WeChat refused it as stale (only if it is still the stored one). */
  discard(token: string): Promise<void>;
}

export function createSharedAccessToken(
  state: SharedState,
  appId: string,
  options: { now: () => number; waitMs?: number; pollMs?: number },
): SharedAccessToken {
  const key = `wechat:access-token:${appId}`;
  const refreshKey = `wechat:access-token-refresh:${appId}`;
  const waitMs = options.waitMs ?? 15_000;
  const pollMs = options.pollMs ?? 100;

  const stored = async () => {
    const value = await state.get(key);
    if (value === undefined) return undefined;
    const parsed = JSON.parse(value) as { token: string; expiresAt: number };
    return options.now() < parsed.expiresAt ? parsed : undefined;
  };

  return {
    async obtain(fetchToken) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const valid = await stored();
        if (valid) return valid;
        if (await state.claim(refreshKey, waitMs)) {
          try {
            const fresh = await fetchToken();
            await state.set(key, JSON.stringify(fresh), Math.max(1000, fresh.expiresAt - options.now()));
            return fresh;
          } finally {
            await state.forget(refreshKey);
          }
        }
        // Another process is fetching; past the wait (it died while fetching) the claim has expired and we fetch.
        if (Date.now() > deadline) return fetchToken();
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    async discard(token) {
      const value = await state.get(key);
      if (value !== undefined && (JSON.parse(value) as { token: string }).token === token) await state.forget(key);
    },
  };
}
