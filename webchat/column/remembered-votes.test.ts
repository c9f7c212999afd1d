import type { RememberedValue } from '../src/remembered-value';
import { rememberedVotes } from './remembered-votes';

const inMemory = (initial?: string): RememberedValue & { value: string | undefined } => ({
  value: initial,
  get() {
    return this.value;
  },
  set(value) {
    this.value = value;
  },
  clear() {
    this.value = undefined;
  },
});

describe('rememberedVotes', () => {
  it('remembers a vote per poll and keeps only the latest polls', () => {
    const store = inMemory();
    const votes = rememberedVotes(store);
    for (let index = 0; index < 7; index += 1) votes.set(`poll-${index}`, { unitId: `unit-${index}`, suggestions: ['问题'] });
    expect(votes.get('poll-6')).toEqual({ unitId: 'unit-6', suggestions: ['问题'] });
    expect(votes.get('poll-0')).toBeUndefined();
    expect(Object.keys(JSON.parse(store.value!) as object)).toHaveLength(5);
  });

  it('survives damaged storage', () => {
    expect(rememberedVotes(inMemory('{not json')).get('p')).toBeUndefined();
    expect(rememberedVotes(inMemory('{"p":{"unitId":3,"suggestions":[1,"问"]}}')).get('p')).toEqual({
      unitId: undefined,
      suggestions: ['问'],
    });
  });
});
