import { barOption, pieOption, trendOption } from './chart-options';
import { chartColours, percent } from './chart-style';

describe('the column’s charts', () => {
  it('rounds shares for people', () => {
    expect(percent(1 / 3)).toBe('33.3%');
    expect(percent(0.125)).toBe('12.5%');
    expect(percent(0)).toBe('0%');
  });

  it('draws the bars with the API’s figures, most first at the top, the chosen category marked', () => {
    const option = barOption(
      [
        { label: '卫生健康', count: 9 },
        { label: '城乡建设', count: 4 },
      ],
      '城乡建设',
    );
    const axis = option.yAxis as { data: string[]; inverse: boolean };
    expect(axis.data).toEqual(['卫生健康', '城乡建设']);
    expect(axis.inverse).toBe(true);
    const series = option.series as { type: string; data: { name: string; value: number; itemStyle: { color: string } }[] }[];
    expect(series[0]!.type).toBe('bar');
    expect(series[0]!.data.map((item) => [item.name, item.value, item.itemStyle.color])).toEqual([
      ['卫生健康', 9, chartColours[0]],
      ['城乡建设', 4, chartColours[1]],
    ]);
  });

  it('gives each 诉求类型 its own colour in a pie and leaves empty types out', () => {
    const series = pieOption([
      { label: '咨询', count: 3 },
      { label: '投诉', count: 1 },
      { label: '紧急件', count: 0 },
    ]).series as { type: string; data: { name: string; value: number; itemStyle: { color: string } }[] }[];
    expect(series[0]!.type).toBe('pie');
    expect(series[0]!.data.map((item) => [item.name, item.value, item.itemStyle.color])).toEqual([
      ['咨询', 3, chartColours[0]],
      ['投诉', 1, chartColours[1]],
    ]);
  });

  it('draws the trend as a line over the periods in order, with the counts', () => {
    const option = trendOption([
      { label: '10月', count: 5 },
      { label: '11月', count: 7 },
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['10月', '11月']);
    const series = option.series as { type: string; data: number[] }[];
    expect(series[0]!.type).toBe('line');
    expect(series[0]!.data).toEqual([5, 7]);
  });
});
