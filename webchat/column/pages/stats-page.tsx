import { useLocation } from 'preact-iso';
import { useRef } from 'preact/hooks';
import { appealsApi, type StatsFilter } from '../appeals-api';
import { chinaToday } from '../appeals/calendar-month';
import { UnitSelector } from '../appeals/unit-selector';
import { usePageTitle } from '../components/page-title';
import { LoadingState } from '../components/loading-state';
import { useLoaded } from '../components/use-loaded';
import { BarChart } from '../stats/bar-chart';
import { PieChart } from '../stats/pie-chart';
import { isPeriod, periods, periodStart, type Period } from '../stats/stats-period';
import { TrendChart } from '../stats/trend-chart';
import { TypeTable, typeSummary } from '../stats/type-table';

/**
 * `/stats` 诉求数据分析: 诉求类别 bar → the chosen category's 诉求类型 pie, 诉求类型 pie, 热门标签 and the trend, all
 * following the unit and period filters (kept in the address). Loaded only when this page is opened, with its
 * charts; every chart has a table with the same figures, and the category table's buttons drill down by keyboard.
 */
export function StatsPage() {
  usePageTitle('诉求数据分析');
  const { query, route } = useLocation();
  const unit = query.unit && /^[A-Za-z0-9_-]{1,100}$/.test(query.unit) ? query.unit : '';
  const period: Period = isPeriod(query.period) ? query.period : '';
  const category = query.category ?? '';
  const granularity = query.granularity === 'week' ? 'week' : 'month';
  const filter: StatsFilter = { unitId: unit || undefined, from: periodStart(period, chinaToday()) };
  const filterKey = `${unit}|${period}`;
  const go = (changes: Record<string, string>) => {
    const next = { unit, period, category, granularity: granularity === 'month' ? '' : granularity, ...changes };
    const parameters = new URLSearchParams(Object.entries(next).filter(([, value]) => value !== ''));
    route(parameters.toString() ? `/stats?${parameters.toString()}` : '/stats', true);
  };
  const drillHeading = useRef<HTMLHeadingElement>(null);

  const units = useLoaded(appealsApi.units, 'units');
  const categories = useLoaded(() => appealsApi.categories(filter), filterKey);
  const types = useLoaded(() => appealsApi.types(filter), filterKey);
  const categoryTypes = useLoaded(
    () => (category ? appealsApi.types({ ...filter, category }) : Promise.resolve({ items: [] })),
    `${filterKey}|${category}`,
  );
  const tags = useLoaded(() => appealsApi.tags(filter), filterKey);
  const trend = useLoaded(() => appealsApi.trend({ ...filter, granularity }), `${filterKey}|${granularity}`);
  const unitName = units.status === 'ready' ? units.value.find((each) => each.id === unit)?.name : undefined;
  const scope = `${unitName ?? '全部单位'}，${periods.find((each) => each.value === period)!.label}`;

  const choose = (chosen: string) => {
    go({ category: chosen });
    requestAnimationFrame(() => drillHeading.current?.focus());
  };

  return (
    <div class="stats-page">
      <h1 tabIndex={-1}>诉求数据分析</h1>
      <p>热线诉求按类别、类型、话题和时间的统计。每张图下面都有同样数字的表格。</p>
      <section class="card" aria-labelledby="filter-heading">
        <h2 id="filter-heading">筛选</h2>
        <div class="filters">
          {units.status === 'ready' && (
            <UnitSelector idPrefix="stats" units={units.value} value={unit} onChange={(chosen) => go({ unit: chosen })} />
          )}
          <div class="field">
            <label for="stats-period">时间范围</label>
            <select id="stats-period" value={period} onChange={(event) => go({ period: event.currentTarget.value })}>
              {periods.map((each) => (
                <option key={each.value} value={each.value}>
                  {each.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p class="hint" role="status">
          当前范围：{scope}
        </p>
      </section>

      <section class="card" aria-labelledby="categories-heading">
        <h2 id="categories-heading">诉求类别</h2>
        <LoadingState state={categories} what="诉求类别">
          {({ items }) =>
            items.length === 0 ? (
              <p class="empty">这个范围里没有诉求。</p>
            ) : (
              <>
                <p class="hint">点一个类别（图上的柱子，或表格里的“看类型分布”按钮），下面会显示这一类诉求的类型分布。</p>
                <BarChart
                  items={items.map((item) => ({ label: item.category, count: item.count }))}
                  summary={`诉求类别柱状图，共${items.length}类，最多的是${items[0]!.category}（${items[0]!.count}件）。具体数字见下表。`}
                  selected={category}
                  onSelect={choose}
                />
                <table class="data-table">
                  <caption>各类别诉求件数（{scope}）</caption>
                  <thead>
                    <tr>
                      <th scope="col">诉求类别</th>
                      <th scope="col">件数</th>
                      <th scope="col">类型分布</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => (
                      <tr key={item.category}>
                        <th scope="row">{item.category}</th>
                        <td>{item.count}</td>
                        <td>
                          <button
                            type="button"
                            class="plain-button"
                            aria-pressed={item.category === category}
                            onClick={() => choose(item.category)}
                          >
                            看<span class="visually-hidden">{item.category}的</span>类型分布
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )
          }
        </LoadingState>
      </section>

      {category && (
        <section class="card" aria-labelledby="drill-heading">
          <h2 id="drill-heading" tabIndex={-1} ref={drillHeading}>
            {category}的诉求类型
          </h2>
          <LoadingState state={categoryTypes} what={`${category}的诉求类型`}>
            {({ items }) => (
              <>
                <PieChart
                  items={items.map((item) => ({ label: item.type, count: item.count }))}
                  summary={typeSummary(`${category}的诉求类型`, items)}
                />
                <TypeTable items={items} caption={`${category}的诉求类型（${scope}）`} />
              </>
            )}
          </LoadingState>
          <button type="button" class="plain-button" onClick={() => go({ category: '' })}>
            收起这个类别
          </button>
        </section>
      )}

      <section class="card" aria-labelledby="types-heading">
        <h2 id="types-heading">诉求类型</h2>
        <LoadingState state={types} what="诉求类型">
          {({ items }) => (
            <>
              <PieChart
                items={items.map((item) => ({ label: item.type, count: item.count }))}
                summary={typeSummary('全部诉求类型', items)}
              />
              <TypeTable items={items} caption={`全部诉求的类型（${scope}）`} />
            </>
          )}
        </LoadingState>
      </section>

      <section class="card" aria-labelledby="tags-heading">
        <h2 id="tags-heading">热门标签</h2>
        <LoadingState state={tags} what="热门标签">
          {({ items }) =>
            items.length === 0 ? (
              <p class="empty">这个范围里还没有热门标签。</p>
            ) : (
              <ol class="tag-list">
                {items.map((item) => (
                  <li key={item.tag}>
                    {item.tag} <span class="muted">{item.count} 件</span>
                  </li>
                ))}
              </ol>
            )
          }
        </LoadingState>
      </section>

      <section class="card" aria-labelledby="trend-heading">
        <h2 id="trend-heading">诉求趋势</h2>
        <div class="field">
          <label for="trend-granularity">统计周期</label>
          <select
            id="trend-granularity"
            value={granularity}
            onChange={(event) => go({ granularity: event.currentTarget.value === 'week' ? 'week' : '' })}
          >
            <option value="month">按月</option>
            <option value="week">按周</option>
          </select>
        </div>
        <LoadingState state={trend} what="诉求趋势">
          {({ items }) =>
            items.length === 0 ? (
              <p class="empty">这个范围里没有诉求。</p>
            ) : (
              <>
                <TrendChart
                  items={items.map((item) => ({
                    label: granularity === 'month' ? `${Number(item.start.slice(5, 7))}月` : item.start.slice(5),
                    count: item.count,
                  }))}
                  summary={`诉求趋势折线图，${granularity === 'month' ? '按月' : '按周'}，共${items.length}个周期。具体数字见下表。`}
                />
                <table class="data-table">
                  <caption>
                    {granularity === 'month' ? '每月' : '每周'}诉求件数（{scope}）
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{granularity === 'month' ? '月份' : '周（自周一）'}</th>
                      <th scope="col">件数</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => (
                      <tr key={item.start}>
                        <th scope="row">{granularity === 'month' ? item.start.slice(0, 7) : item.start}</th>
                        <td>{item.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )
          }
        </LoadingState>
      </section>
    </div>
  );
}
