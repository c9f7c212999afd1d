import { characterCount, readTally, sessionTime, sharesOf, withTally } from './column-format';

describe('column formatting', () => {
  it('writes a session time in China time', () => {
    expect(sessionTime('2026-12-02T07:00:00Z', '2026-12-02T09:00:00Z')).toBe('12月2日（星期三）15:00–17:00');
  });

  it('gives whole-number shares and zero before the first vote', () => {
    expect(sharesOf([1, 1, 2])).toEqual([25, 25, 50]);
    expect(sharesOf([0, 0])).toEqual([0, 0]);
  });

  it('lays a live tally over the options in the order shown', () => {
    const options = [
      { unitId: 'a', unitName: '甲', votes: 1 },
      { unitId: 'b', unitName: '乙', votes: 0 },
    ];
    expect(
      withTally(options, [
        { unitId: 'b', votes: 3 },
        { unitId: 'z', votes: 9 },
      ]),
    ).toEqual([
      { unitId: 'a', unitName: '甲', votes: 1 },
      { unitId: 'b', unitName: '乙', votes: 3 },
    ]);
  });

  it('reads tallies leniently', () => {
    expect(readTally({ pollId: 'p', options: [{ unitId: 'a', votes: 2 }, { unitId: 3 }, null] })).toEqual({
      pollId: 'p',
      options: [{ unitId: 'a', votes: 2 }],
    });
    expect(readTally('tally')).toBeUndefined();
    expect(readTally({ pollId: 'p' })).toBeUndefined();
  });

  it('counts characters as people see them', () => {
    expect(characterCount(' 物业不作为😠 ')).toBe(6);
  });
});
