import { defaultRankingWeights, growthOf, rankNextUnits, type CandidateFigures } from './next-unit-ranking';

const candidate = (unitId: string, figures: Partial<CandidateFigures>): CandidateFigures => ({
  unitId,
  unitName: `${unitId}单位`,
  votes: 0,
  recentAppeals: 0,
  previousAppeals: 0,
  unresolvedAppeals: 0,
  ...figures,
});

describe('rankNextUnits (下期建议)', () => {
  it('weighs vote share, appeal volume, growth and the unresolved share with the weights shown', () => {
    const ranked = rankNextUnits([
      candidate('a', { votes: 6, recentAppeals: 10, previousAppeals: 10, unresolvedAppeals: 0 }),
      candidate('b', { votes: 2, recentAppeals: 40, previousAppeals: 20, unresolvedAppeals: 10 }),
      candidate('c', { votes: 2, recentAppeals: 0, previousAppeals: 5 }),
    ]);
    const weights = defaultRankingWeights;
    expect(weights.votes + weights.volume + weights.growth + weights.unresolved).toBeCloseTo(1);
    // b: 0.4*0.2 + 0.25*1 + 0.15*1 + 0.2*0.25 = 0.53; a: 0.4*0.6 + 0.25*0.25 = 0.3025; c: 0.4*0.2 = 0.08
    expect(ranked.map((item) => [item.unitId, item.rank, item.score])).toEqual([
      ['b', 1, 0.53],
      ['a', 2, 0.303],
      ['c', 3, 0.08],
    ]);
    expect(ranked[0]!.parts).toEqual({ voteShare: 0.2, volume: 1, growth: 1, unresolvedShare: 0.25 });
  });

  it('names every figure in words: votes and their share, appeals now and before, the unresolved share', () => {
    const [first, second] = rankNextUnits(
      [
        candidate('b', { votes: 2, recentAppeals: 40, previousAppeals: 20, unresolvedAppeals: 10 }),
        candidate('a', { votes: 6, recentAppeals: 10, previousAppeals: 12 }),
      ],
      { periodLabel: '近90天' },
    );
    expect(first!.reasons).toEqual([
      '得票 2 票，占本期 8 票的 25.0%',
      '近90天职责范围内高频诉求 40 件（此前同期 20 件，增长 100.0%）',
      '其中尚未办结 10 件，占 25.0%',
    ]);
    expect(second!.reasons[1]).toBe('近90天职责范围内高频诉求 10 件（此前同期 12 件，减少 16.7%）');
  });

  it('says so when nobody voted yet or a unit has no hot topics; ties keep the ballot order', () => {
    const ranked = rankNextUnits([candidate('x', {}), candidate('y', {})], { periodLabel: '近90天' });
    expect(ranked.map((item) => item.unitId)).toEqual(['x', 'y']);
    expect(ranked[0]!.reasons).toEqual(['本期投票还没有人投票', '近90天职责范围内没有高频诉求']);
  });

  it('growth is 0 when falling, capped at 1, and 1 for topics that are new', () => {
    expect(growthOf(5, 10)).toBe(0);
    expect(growthOf(15, 10)).toBe(0.5);
    expect(growthOf(50, 10)).toBe(1);
    expect(growthOf(3, 0)).toBe(1);
  });
});
