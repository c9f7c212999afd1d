import { createMemorySharedState } from './memory-shared-state';
import { sharedStateContract } from './shared-state.contract';

sharedStateContract(
  'memory',
  async () => createMemorySharedState(),
  (state) => state.close(),
);

describe('createMemorySharedState', () => {
  test('stays within maxKeys, dropping expired entries first and then the oldest', async () => {
    let time = 0;
    const state = createMemorySharedState({ now: () => time, maxKeys: 3 });
    await state.hit('short', 10);
    await state.hit('long-1', 1000);
    await state.hit('long-2', 1000);
    time = 20;
    await state.hit('long-3', 1000);
    expect(await state.peek('short')).toEqual({ count: 0, resetInMs: 0 });
    expect(await state.peek('long-1')).toMatchObject({ count: 1 });
    await state.hit('long-4', 1000);
    expect(await state.peek('long-1')).toEqual({ count: 0, resetInMs: 0 });
    expect(await state.peek('long-4')).toMatchObject({ count: 1 });
  });
});
