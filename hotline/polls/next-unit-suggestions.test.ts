import { createNextUnitSuggestions } from './next-unit-suggestions';

const now = new Date('2026-11-29T00:00:00Z');
const poll = { id: 'poll-1', title: '征集', opensAt: now, closesAt: now, status: 'open' as const };

function fixture() {
  const hotTopicCalls: { unitId: string; from: string; to: string }[] = [];
  const suggestions = createNextUnitSuggestions({
    now: () => now,
    polls: {
      get: async (id) => (id === poll.id ? poll : undefined),
      findCurrent: async () => poll,
      latest: async () => poll,
      tally: async () => [
        { unitId: 'zjj', unitName: '住建局', votes: 1 },
        { unitId: 'gjj', unitName: '公积金中心', votes: 3 },
      ],
    },
    units: { list: async () => [] },
    hotTopics: async (unitId, period) => {
      hotTopicCalls.push({ unitId, from: period.from.toISOString(), to: period.to.toISOString() });
      const recent = period.to.getTime() === now.getTime();
      if (unitId === 'zjj')
        return recent
          ? [
              { count: 2, appeals: [{ id: 'a1' }, { id: 'a2' }] },
              { count: 1, appeals: [{ id: 'a3' }] },
            ]
          : [{ count: 1, appeals: [{ id: 'old' }] }];
      return [];
    },
    appeals: {
      getMany: async (ids) => ids.map((id) => ({ id, status: id === 'a2' ? '办理中' : '已办结' })),
    },
  });
  return { suggestions, hotTopicCalls };
}

describe('createNextUnitSuggestions', () => {
  it('reads votes from the tally and appeal figures from the hot topics of the last 30 days and the 30 before', async () => {
    const { suggestions, hotTopicCalls } = fixture();
    const result = await suggestions.suggest();
    expect(result.period).toEqual({ days: 30, from: '2026-10-30T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' });
    expect(hotTopicCalls).toContainEqual({ unitId: 'zjj', from: '2026-09-30T00:00:00.000Z', to: '2026-10-30T00:00:00.000Z' });
    const housing = result.items.find((item) => item.unitId === 'zjj')!;
    expect(housing).toMatchObject({ votes: 1, recentAppeals: 3, previousAppeals: 1, unresolvedAppeals: 1 });
    expect(housing.reasons).toEqual([
      '得票 1 票，占本期 4 票的 25.0%',
      '近30天职责范围内高频诉求 3 件（此前同期 1 件，增长 200.0%）',
      '其中尚未办结 1 件，占 33.3%',
    ]);
    expect(result.weights).toEqual({ votes: 0.4, volume: 0.25, growth: 0.15, unresolved: 0.2 });
  });

  it('reuses the appeal figures for a while but never the votes', async () => {
    const { suggestions, hotTopicCalls } = fixture();
    await suggestions.suggest();
    await suggestions.suggest('poll-1');
    expect(hotTopicCalls).toHaveLength(4);
    await expect(suggestions.suggest('poll-x')).rejects.toThrow('没有找到这一期投票');
  });
});
