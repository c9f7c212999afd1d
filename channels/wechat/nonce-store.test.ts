import { createMemoryNonceStore } from './nonce-store';

describe('createMemoryNonceStore', () => {
  it('tells a first use, the same message again (a retry) and another message (a replay) apart', async () => {
    const store = createMemoryNonceStore({ now: () => 1_000 });
    expect(await store.use('1732345200:2039182377', 'message:1', 301_000)).toBe('new');
    expect(await store.use('1732345200:2039182377', 'message:1', 301_000)).toBe('same');
    expect(await store.use('1732345200:2039182377', 'message:2', 301_000)).toBe('reused');
    expect(await store.use('1732345200:1111111111', 'message:2', 301_000)).toBe('new');
  });

  it('forgets a nonce once its time is up (its timestamp is then outside the window anyway)', async () => {
    let time = 1_000;
    const store = createMemoryNonceStore({ now: () => time });
    await store.use('n', 'message:1', 2_000);
    time = 2_000;
    expect(await store.use('n', 'message:2', 3_000)).toBe('new');
  });

  it('stays within maxEntries, dropping expired nonces first and then the oldest', async () => {
    let time = 0;
    const store = createMemoryNonceStore({ maxEntries: 3, now: () => time });
    await store.use('a', 'message:a', 10);
    await store.use('b', 'message:b', 1_000);
    await store.use('c', 'message:c', 1_000);
    time = 20;
    await store.use('d', 'message:d', 1_000);
    expect(store.size).toBe(3);
    expect(await store.use('b', 'message:x', 1_000)).toBe('reused');
    await store.use('e', 'message:e', 1_000);
    expect(store.size).toBe(3);
    expect(await store.use('d', 'message:x', 1_000)).toBe('reused');
  });
});
