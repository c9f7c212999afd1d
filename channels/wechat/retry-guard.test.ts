import { createRetryGuard } from './retry-guard';

describe('createRetryGuard', () => {
  it('lets the first delivery of a key through and stops its retries', () => {
    const guard = createRetryGuard();
    expect(guard.claim('message:1')).toBe(true);
    expect(guard.claim('message:1')).toBe(false);
    expect(guard.claim('message:1')).toBe(false);
    expect(guard.claim('message:2')).toBe(true);
  });

  it('forgets a key after its time to live', () => {
    let time = 0;
    const guard = createRetryGuard({ ttlMs: 1000, now: () => time });
    expect(guard.claim('a')).toBe(true);
    time = 999;
    expect(guard.claim('a')).toBe(false);
    time = 1000;
    expect(guard.claim('a')).toBe(true);
  });

  it('stays within its size bound under a flood of distinct ids, forgetting the oldest first', () => {
    const guard = createRetryGuard({ maxEntries: 100 });
    for (let index = 0; index < 10_000; index += 1) guard.claim(`message:${index}`);
    expect(guard.size).toBe(100);
    expect(guard.claim('message:9999')).toBe(false);
    expect(guard.claim('message:0')).toBe(true);
  });
});
