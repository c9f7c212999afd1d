import type { SharedState } from './shared-state';

/**
 * The behaviour every SharedState keeps, run against the in-memory one (memory-shared-state.test.ts) and the
 * Redis one against a real redis-server (server/realtime/redis-shared-state.int.test.ts). Windows are short
 * real times, since Redis keeps its own clock.
 */
export function sharedStateContract(name: string, open: () => Promise<SharedState>, close: (state: SharedState) => Promise<void>) {
  describe(`SharedState contract: ${name}`, () => {
    let state: SharedState;
    let prefix = 0;
    // Each test its own keys, so a server shared by the suite needs no flushing.
    const key = (suffix: string) => `contract:${process.pid}:${prefix}:${suffix}`;

    beforeAll(async () => {
      state = await open();
    });
    afterAll(async () => {
      await close(state);
    });
    beforeEach(() => {
      prefix += 1;
    });

    test('hit counts events in one window and reports when it ends', async () => {
      expect(await state.hit(key('a'), 60_000)).toMatchObject({ count: 1 });
      expect(await state.hit(key('a'), 60_000)).toMatchObject({ count: 2 });
      const third = await state.hit(key('a'), 60_000);
      expect(third.count).toBe(3);
      expect(third.resetInMs).toBeGreaterThan(50_000);
      expect(third.resetInMs).toBeLessThanOrEqual(60_000);
      expect(await state.hit(key('b'), 60_000)).toMatchObject({ count: 1 });
    });

    test('a window ends and counting starts again', async () => {
      await state.hit(key('a'), 150);
      await state.hit(key('a'), 150);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await state.hit(key('a'), 150)).toMatchObject({ count: 1 });
    });

    test('peek reads without counting; forget starts over', async () => {
      expect(await state.peek(key('a'))).toEqual({ count: 0, resetInMs: 0 });
      await state.hit(key('a'), 60_000);
      await state.hit(key('a'), 60_000);
      expect(await state.peek(key('a'))).toMatchObject({ count: 2 });
      expect(await state.peek(key('a'))).toMatchObject({ count: 2 });
      await state.forget(key('a'));
      expect(await state.peek(key('a'))).toEqual({ count: 0, resetInMs: 0 });
    });

    test('concurrent hits are all counted', async () => {
      const windows = await Promise.all(Array.from({ length: 50 }, () => state.hit(key('a'), 60_000)));
      expect(windows.map((window) => window.count).sort((left, right) => left - right)).toEqual(
        Array.from({ length: 50 }, (_, index) => index + 1),
      );
    });

    test('claim: exactly one of many concurrent callers gets the key, until it expires or is forgotten', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => state.claim(key('message'), 200)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await state.claim(key('message'), 200)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await state.claim(key('message'), 200)).toBe(true);
      await state.forget(key('message'));
      expect(await state.claim(key('message'), 200)).toBe(true);
    });

    test('a claim keeps the value it was taken with', async () => {
      expect(await state.claim(key('nonce'), 60_000, 'message-1')).toBe(true);
      expect(await state.claim(key('nonce'), 60_000, 'message-2')).toBe(false);
      expect(await state.get(key('nonce'))).toBe('message-1');
    });

    test('values are kept until their expiry', async () => {
      expect(await state.get(key('token'))).toBeUndefined();
      await state.set(key('token'), '令牌-1', 60_000);
      expect(await state.get(key('token'))).toBe('令牌-1');
      await state.set(key('token'), '令牌-2', 150);
      expect(await state.get(key('token'))).toBe('令牌-2');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await state.get(key('token'))).toBeUndefined();
    });
  });
}
