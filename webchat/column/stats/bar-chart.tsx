import { chartColours, niceMaximum } from './chart-geometry';

export interface BarChartProps {
  items: { label: string; count: number }[];
  /** Announced instead of the drawing: the table beside the chart holds the figures. */
  summary: string;
  selected?: string | undefined;
  onSelect?: (label: string) => void;
}

const rowHeight = 30;
const labelWidth = 80;
const width = 400;

/**
 * Horizontal bars (Chinese labels stay readable at 375 px). The drawing is one image to assistive technology;
 * selecting a bar by mouse or touch does what the table's buttons do by keyboard.
 */
export function BarChart({ items, summary, selected, onSelect }: BarChartProps) {
  const maximum = niceMaximum(Math.max(0, ...items.map((item) => item.count)));
  const barSpace = width - labelWidth - 56;
  const height = items.length * rowHeight + 8;
  return (
    <svg class="chart bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
      {items.map((item, index) => {
        const y = index * rowHeight + 4;
        const barWidth = Math.max(2, (item.count / maximum) * barSpace);
        const isSelected = item.label === selected;
        return (
          <g key={item.label} class={onSelect ? 'bar selectable' : 'bar'} onClick={onSelect ? () => onSelect(item.label) : undefined}>
            <text x={labelWidth - 8} y={y + rowHeight / 2 + 1} text-anchor="end" dominant-baseline="middle" class="chart-label">
              {item.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 4}
              width={barWidth}
              height={rowHeight - 10}
              rx="3"
              fill={isSelected ? chartColours[1] : chartColours[0]}
            />
            <text x={labelWidth + barWidth + 6} y={y + rowHeight / 2 + 1} dominant-baseline="middle" class="chart-value">
              {item.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
