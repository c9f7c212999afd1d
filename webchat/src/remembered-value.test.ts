import { rememberedValue } from './remembered-value';

const fakeStorage = () => {
  const entries = new Map<string, string>();
  return {
    getItem: (key: string) => entries.get(key) ?? null,
    setItem: (key: string, value: string) => void entries.set(key, value),
    removeItem: (key: string) => void entries.delete(key),
    entries,
  };
};

describe('rememberedValue', () => {
  it('reads, writes and clears one storage entry', () => {
    const storage = fakeStorage();
    const value = rememberedValue('xiaoning.conversationId', () => storage as unknown as Storage);
    expect(value.get()).toBeUndefined();
    value.set('c1');
    expect(storage.entries.get('xiaoning.conversationId')).toBe('c1');
    expect(value.get()).toBe('c1');
    value.clear();
    expect(value.get()).toBeUndefined();
  });

  it('keeps the value in memory when storage throws or is missing', () => {
    const throwing = rememberedValue('k', () => {
      throw new Error('SecurityError');
    });
    throwing.set('c2');
    expect(throwing.get()).toBe('c2');
    const missing = rememberedValue('k', () => undefined);
    missing.set('c3');
    expect(missing.get()).toBe('c3');
  });
});
