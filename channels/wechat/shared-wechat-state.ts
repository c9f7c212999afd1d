import type { SharedState } from '../../common';
import type { NonceStore } from './nonce-store';

/**
 * WeChat's replay and retry memory in SharedState, for several processes: WeChat may resend a message to any
 * of them, and a replayed signature may reach any of them too.
 */
export function createSharedNonceStore(state: SharedState): NonceStore {
  return {
    async use(nonce, messageKey, expiresAt) {
      const key = `wechat:nonce:${nonce}`;
      if (await state.claim(key, Math.max(1000, expiresAt - Date.now()), messageKey)) return 'new';
      return (await state.get(key)) === messageKey ? 'same' : 'reused';
    },
  };
}

/** True for the one process that answers a message (by its MsgId or sender and time); false for WeChat's retries. */
export const sharedMessageClaim =
  (state: SharedState, ttlMs = 5 * 60_000) =>
  (messageKey: string): Promise<boolean> =>
    state.claim(`wechat:message:${messageKey}`, ttlMs);
