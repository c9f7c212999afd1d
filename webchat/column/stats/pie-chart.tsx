import { useMemo } from 'preact/hooks';
import { chartColours, percent } from './chart-style';
import { EChart } from './echart';
import { pieOption } from './chart-options';

type Item = { label: string; count: number };

/** A pie with its legend beside it (label, count, share); the drawing is one image to assistive technology. */
export function PieChart({ items, summary }: { items: Item[]; summary: string }) {
  const option = useMemo(() => pieOption(items), [JSON.stringify(items)]);
  const total = items.reduce((sum, item) => sum + item.count, 0);
  if (total === 0) return <p class="empty">这个范围里没有诉求。</p>;
  return (
    <div class="pie">
      <EChart option={option} summary={summary} className="pie-chart" height={192} />
      <ul class="legend" aria-hidden="true">
        {items.map((item, index) =>
          item.count > 0 ? (
            <li key={item.label}>
              <svg class="swatch" viewBox="0 0 12 12">
                <rect width="12" height="12" rx="2" fill={chartColours[index % chartColours.length]} />
              </svg>
              {item.label} {item.count} 件（{percent(item.count / total)}）
            </li>
          ) : null,
        )}
      </ul>
    </div>
  );
}
