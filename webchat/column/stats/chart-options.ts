/** The ECharts options of the column's charts: plain data, built from the API's figures and nothing else. */
import { chartColours, chartText } from './chart-style';
import type { ChartOption } from './echarts-setup';

type Item = { label: string; count: number };

/** Horizontal bars, most first at the top (Chinese labels stay readable at 375 px); the chosen one in red. */
export function barOption(items: Item[], selected: string | undefined): ChartOption {
  return {
    animation: false,
    textStyle: chartText,
    grid: { left: 4, right: 44, top: 4, bottom: 4 },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((item) => item.label),
      axisTick: { show: false },
      axisLabel: { color: chartText.color, fontSize: chartText.fontSize },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        label: { show: true, position: 'right', color: chartText.color, fontSize: 13 },
        data: items.map((item) => ({
          name: item.label,
          value: item.count,
          itemStyle: { color: item.label === selected ? chartColours[1]! : chartColours[0]!, borderRadius: 3 },
        })),
      },
    ],
  };
}

/** A pie clockwise from twelve o'clock, one colour per 诉求类型 in its order; empty types get no slice. */
export function pieOption(items: Item[]): ChartOption {
  return {
    animation: false,
    textStyle: chartText,
    series: [
      {
        type: 'pie',
        radius: '92%',
        startAngle: 90,
        label: { show: false },
        emphasis: { disabled: true },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: items.flatMap((item, index) =>
          item.count > 0 ? [{ name: item.label, value: item.count, itemStyle: { color: chartColours[index % chartColours.length]! } }] : [],
        ),
      },
    ],
  };
}

/** Appeals per week or month as a line, counts written on the points while there are few enough to read. */
export function trendOption(items: Item[]): ChartOption {
  return {
    animation: false,
    textStyle: chartText,
    grid: { left: 4, right: 16, top: 28, bottom: 4 },
    xAxis: {
      type: 'category',
      data: items.map((item) => item.label),
      axisLabel: { color: chartText.color, fontSize: 13, hideOverlap: true },
      axisLine: { lineStyle: { color: '#6b7280' } },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: chartText.color, fontSize: 13 } },
    series: [
      {
        type: 'line',
        data: items.map((item) => item.count),
        lineStyle: { color: chartColours[0]!, width: 2 },
        itemStyle: { color: chartColours[0]! },
        symbolSize: 6,
        label: { show: items.length <= 12, position: 'top', color: chartText.color, fontSize: 13 },
      },
    ],
  };
}
