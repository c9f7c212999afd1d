import { percent, pieSlices } from './chart-geometry';

const radius = 90;

/** A pie with its legend beside it (label, count, share); the drawing is one image to assistive technology. */
export function PieChart({ items, summary }: { items: { label: string; count: number }[]; summary: string }) {
  const slices = pieSlices(items, radius);
  if (slices.length === 0) return <p class="empty">这个范围里没有诉求。</p>;
  return (
    <div class="pie">
      <svg
        class="chart pie-chart"
        viewBox={`${-radius - 4} ${-radius - 4} ${2 * radius + 8} ${2 * radius + 8}`}
        role="img"
        aria-label={summary}
      >
        {slices.map((slice) => (
          <path key={slice.label} d={slice.path} fill={slice.colour} stroke="#fff" stroke-width="2" />
        ))}
      </svg>
      <ul class="legend" aria-hidden="true">
        {slices.map((slice) => (
          <li key={slice.label}>
            <svg class="swatch" viewBox="0 0 12 12">
              <rect width="12" height="12" rx="2" fill={slice.colour} />
            </svg>
            {slice.label} {slice.count} 件（{percent(slice.share)}）
          </li>
        ))}
      </ul>
    </div>
  );
}
