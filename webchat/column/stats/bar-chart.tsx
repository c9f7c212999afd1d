import { useMemo } from 'preact/hooks';
import { EChart } from './echart';
import { barOption } from './chart-options';

export interface BarChartProps {
  items: { label: string; count: number }[];
  /** Announced instead of the drawing: the table beside the chart holds the figures. */
  summary: string;
  selected?: string | undefined;
  onSelect?: (label: string) => void;
}

const rowHeight = 32;

/**
 * The 诉求类别 bars. The drawing is one image to assistive technology; clicking or tapping a bar does what the
 * table's buttons do by keyboard.
 */
export function BarChart({ items, summary, selected, onSelect }: BarChartProps) {
  const option = useMemo(() => barOption(items, selected), [JSON.stringify(items), selected]);
  return <EChart option={option} summary={summary} className="bar-chart" height={items.length * rowHeight + 8} onSelect={onSelect} />;
}
