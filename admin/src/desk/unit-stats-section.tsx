import { requestJson } from '../api';
import type { CountItem } from '../types';
import { useLoaded } from '../use-loaded';

type Figures = { categories: CountItem[]; types: CountItem[]; tags: CountItem[] };

const load = async (unitId: string): Promise<Figures> => {
  const query = `?unitId=${encodeURIComponent(unitId)}`;
  const [categories, types, tags] = await Promise.all([
    requestJson<{ items: { category: string; count: number }[] }>(`/api/stats/categories${query}`),
    requestJson<{ items: { type: string; count: number }[] }>(`/api/stats/types${query}`),
    requestJson<{ items: { tag: string; count: number }[] }>(`/api/stats/tags${query}&limit=12`),
  ]);
  return {
    categories: categories.items.map((item) => ({ label: item.category, count: item.count })),
    types: types.items.map((item) => ({ label: item.type, count: item.count })),
    tags: tags.items.map((item) => ({ label: item.tag, count: item.count })),
  };
};

/** A table with a bar per row: readable by screen readers as a table, at a glance as a chart. */
function FigureTable(props: { caption: string; items: CountItem[]; labelHeading: string }) {
  const total = props.items.reduce((sum, item) => sum + item.count, 0);
  const largest = Math.max(1, ...props.items.map((item) => item.count));
  if (props.items.length === 0) return <p>{props.caption}：暂无</p>;
  return (
    <table class="figure-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.labelHeading}</th>
          <th scope="col">件数</th>
          <th scope="col">占比</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr key={item.label}>
            <th scope="row">{item.label}</th>
            <td>
              <span class="bar" aria-hidden="true">
                <span class="bar-fill" style={{ width: `${(item.count / largest) * 100}%` }} />
              </span>
              {item.count}
            </td>
            <td>{total > 0 ? `${Math.round((item.count / total) * 1000) / 10}%` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 本单位数据: the unit's category, type and tag figures, from the same API as the public charts, scoped to the unit. */
export function UnitStatsSection(props: { unitId: string }) {
  const [figures] = useLoaded(() => load(props.unitId), props.unitId);
  return (
    <section class="desk-section unit-stats" aria-labelledby="unit-stats-heading">
      <h2 id="unit-stats-heading">本单位数据</h2>
      {figures.status === 'loading' && <p aria-live="polite">正在加载…</p>}
      {figures.status === 'failed' && (
        <p class="problem" role="alert">
          {figures.failure.message}
        </p>
      )}
      {figures.status === 'ready' && (
        <div class="figures">
          <FigureTable caption="诉求类别" labelHeading="类别" items={figures.value.categories} />
          <FigureTable caption="诉求类型" labelHeading="类型" items={figures.value.types} />
          <FigureTable caption="热门标签" labelHeading="标签" items={figures.value.tags} />
        </div>
      )}
    </section>
  );
}
