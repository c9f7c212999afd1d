import { randomUUID } from 'node:crypto';
import type { SharedState } from '../../common';

export interface InFlightLock {
  /** False when another question of the conversation is being answered. */
  taken: boolean;
  release(): Promise<void>;
}

/**
 * "One question at a time" per conversation, held in SharedState so that it holds for all processes: the lock's
 * value names the question, and the same question asked again takes the lock over. That is the widget resending
 * the question it was waiting for after reconnecting, possibly to another process because the first one died,
 * and it must be answered, not refused for up to the lock's lifetime. When the store cannot be reached the
 * question is answered (a missing lock costs at most a second answer; refusing would cost every answer).
 */
export function createInFlightLocks(state: SharedState, ttlMs: number, onStoreError: (error: unknown) => void) {
  const keyOf = (conversationId: string) => `chat:in-flight:${conversationId}`;
  return {
    async take(conversationId: string, question: string): Promise<InFlightLock> {
      const key = keyOf(conversationId);
      const value = JSON.stringify({ run: randomUUID(), question });
      const release = async () => {
        try {
          // Only our own run's lock: a takeover's lock belongs to the run that took it.
          if ((await state.get(key)) === value) await state.forget(key);
        } catch (error) {
          onStoreError(error);
        }
      };
      try {
        if (await state.claim(key, ttlMs, value)) return { taken: true, release };
        const holder = await state.get(key);
        if (holder === undefined || (JSON.parse(holder) as { question?: string }).question === question) {
          await state.set(key, value, ttlMs);
          return { taken: true, release };
        }
        return { taken: false, release: async () => undefined };
      } catch (error) {
        onStoreError(error);
        return { taken: true, release: async () => undefined };
      }
    },
  };
}
