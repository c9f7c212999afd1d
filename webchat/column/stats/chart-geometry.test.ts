import { niceMaximum, percent, pieSlices } from './chart-geometry';

describe('chart geometry', () => {
  it('splits a pie by count, skipping zeros, shares adding up to one', () => {
    const slices = pieSlices(
      [
        { label: '咨询', count: 3 },
        { label: '投诉', count: 1 },
        { label: '紧急件', count: 0 },
      ],
      100,
    );
    expect(slices.map((slice) => [slice.label, slice.share])).toEqual([
      ['咨询', 0.75],
      ['投诉', 0.25],
    ]);
    expect(slices[0]!.path).toMatch(/^M 0 0 L 0\.00 -100\.00 A 100 100 0 1 1 /);
  });

  it('draws a whole pie as a circle and nothing for no data', () => {
    expect(pieSlices([{ label: '咨询', count: 5 }], 50)[0]!.path).toContain('A 50 50 0 1 1 0 50');
    expect(pieSlices([{ label: '咨询', count: 0 }], 50)).toEqual([]);
  });

  it('rounds shares and axis ends for people', () => {
    expect(percent(1 / 3)).toBe('33.3%');
    expect(percent(0)).toBe('0%');
    expect(niceMaximum(360)).toBe(400);
    expect(niceMaximum(66)).toBe(80);
    expect(niceMaximum(7)).toBe(8);
    expect(niceMaximum(0)).toBe(1);
  });
});
