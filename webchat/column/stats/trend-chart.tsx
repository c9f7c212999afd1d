import { useMemo } from 'preact/hooks';
import { EChart } from './echart';
import { trendOption } from './chart-options';

type Item = { label: string; count: number };

/** The 诉求趋势 line; the table beside it holds the figures. */
export function TrendChart({ items, summary }: { items: Item[]; summary: string }) {
  const option = useMemo(() => trendOption(items), [JSON.stringify(items)]);
  return <EChart option={option} summary={summary} className="trend-chart" height={220} />;
}
