import { chartColours, niceMaximum } from './chart-geometry';

const width = 400;
const height = 200;
const bottom = 28;

/** Appeals per week or month as columns; the table beside it holds the figures. */
export function TrendChart({ items, summary }: { items: { label: string; count: number }[]; summary: string }) {
  const maximum = niceMaximum(Math.max(0, ...items.map((item) => item.count)));
  const slot = items.length === 0 ? width : width / items.length;
  const labelEvery = Math.max(1, Math.ceil(items.length / 8));
  return (
    <svg class="chart trend-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
      <line x1="0" x2={width} y1={height - bottom} y2={height - bottom} stroke="#6b7280" />
      {items.map((item, index) => {
        const columnHeight = (item.count / maximum) * (height - bottom - 24);
        const x = index * slot + slot * 0.15;
        return (
          <g key={item.label}>
            <rect x={x} y={height - bottom - columnHeight} width={slot * 0.7} height={columnHeight} fill={chartColours[0]} rx="2" />
            {items.length <= 12 && (
              <text x={x + slot * 0.35} y={height - bottom - columnHeight - 6} text-anchor="middle" class="chart-value">
                {item.count}
              </text>
            )}
            {index % labelEvery === 0 && (
              <text x={x + slot * 0.35} y={height - 8} text-anchor="middle" class="chart-label">
                {item.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
