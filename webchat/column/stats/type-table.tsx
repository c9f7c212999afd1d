import { percent } from './chart-style';

/** 诉求类型 counts as a table: the same figures as the pie beside it, for keyboard and screen-reader users. */
export function TypeTable({ items, caption }: { items: { type: string; count: number }[]; caption: string }) {
  const total = items.reduce((sum, item) => sum + item.count, 0);
  return (
    <table class="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">诉求类型</th>
          <th scope="col">件数</th>
          <th scope="col">占比</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.type}>
            <th scope="row">{item.type}</th>
            <td>{item.count}</td>
            <td>{percent(total === 0 ? 0 : item.count / total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the pie says to assistive technology; the table holds the figures. */
export const typeSummary = (what: string, items: { type: string; count: number }[]) =>
  `${what}饼图：${items.map((item) => `${item.type}${item.count}件`).join('，')}。具体数字见下表。`;
