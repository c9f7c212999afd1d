import { createRateLimiter } from './rate-limiter';

describe('createRateLimiter', () => {
  let time = 0;
  const limiter = () => createRateLimiter({ limit: 3, windowMs: 60_000, now: () => time, maxKeys: 3 });

  beforeEach(() => {
    time = 1_000_000;
  });

  test('allows up to the limit within a window, then refuses with a retry delay', () => {
    const rateLimiter = limiter();
    expect([1, 2, 3].map(() => rateLimiter.hit('a').allowed)).toEqual([true, true, true]);
    time += 15_000;
    expect(rateLimiter.hit('a')).toEqual({ allowed: false, count: 4, retryAfterSeconds: 45 });
    expect(rateLimiter.hit('b').allowed).toBe(true);
  });

  test('a new window starts after the old one ends', () => {
    const rateLimiter = limiter();
    for (let index = 0; index < 5; index += 1) rateLimiter.hit('a');
    time += 60_000;
    expect(rateLimiter.hit('a')).toMatchObject({ allowed: true, count: 1 });
  });

  test('check does not count; reset forgets', () => {
    const rateLimiter = limiter();
    rateLimiter.hit('a');
    rateLimiter.hit('a');
    expect(rateLimiter.check('a')).toMatchObject({ allowed: true, count: 2 });
    rateLimiter.hit('a');
    expect(rateLimiter.check('a').allowed).toBe(false);
    rateLimiter.reset('a');
    expect(rateLimiter.check('a')).toMatchObject({ allowed: true, count: 0 });
  });

  test('keeps at most maxKeys keys', () => {
    const rateLimiter = limiter();
    for (const key of ['a', 'b', 'c', 'd', 'e']) rateLimiter.hit(key);
    const remembered = ['a', 'b', 'c', 'd', 'e'].filter((key) => rateLimiter.check(key).count > 0);
    expect(remembered.length).toBeLessThanOrEqual(3);
    expect(remembered).toContain('e');
  });
});
