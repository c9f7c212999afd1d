/**
 * State that every app process must see alike once there are several of them: counters for rate limits,
 * claims for "only one process does this" (WeChat's retries, the one-question-at-a-time lock) and values
 * with an expiry (WeChat's access_token). One process keeps it in memory (memory-shared-state.ts); several
 * share it through Redis (server/realtime/redis-shared-state.ts). Both pass shared-state.contract.ts.
 */
export interface CounterWindow {
  /** Events counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends and the count starts again from zero. */
  resetInMs: number;
}

export interface SharedState {
  /** Which implementation (for the log and /api/health). */
  readonly kind: 'memory' | 'redis';
  /** Counts one event for `key` in a fixed window of `windowMs` that starts with the key's first event. */
  hit(key: string, windowMs: number): Promise<CounterWindow>;
  /** The current window of `key` without counting (count 0 when there is none). */
  peek(key: string): Promise<CounterWindow>;
  /** Takes `key` for `ttlMs` unless somebody holds it: true for the one caller that got it. `get` reads `value`. */
  claim(key: string, ttlMs: number, value?: string): Promise<boolean>;
  /** Forgets a counter, a claim or a value. */
  forget(key: string): Promise<void>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}
