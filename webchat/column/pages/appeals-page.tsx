import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { appealsApi, type AppealPage } from '../appeals-api';
import { AppealList } from '../appeals/appeal-list';
import { appealsAddress, readAppealsView, type AppealsView } from '../appeals/appeals-address';
import { chinaToday, dayLabel } from '../appeals/calendar-month';
import { SessionCalendar } from '../appeals/session-calendar';
import { UnitSelector } from '../appeals/unit-selector';
import { usePageTitle } from '../components/page-title';
import { useLoaded } from '../components/use-loaded';

const pageSize = 10;

/**
 * `/appeals` 往期回顾: 选择单位, 接线日历 and the list. The view lives in the address. Pages after the first are
 * read "as of" the first page's moment, so appeals that arrive meanwhile do not shift what page 2 shows.
 */
export function AppealsPage() {
  usePageTitle('往期回顾');
  const { query, route } = useLocation();
  const today = chinaToday();
  const view = readAppealsView(query, today);
  const units = useLoaded(appealsApi.units, 'units');
  const unitName = units.status === 'ready' ? units.value.find((unit) => unit.id === view.unit)?.name : undefined;
  const filterKey = `${view.unit}|${view.date}`;
  // The moment the first page of this filter was read; kept while paging, dropped when the filter changes.
  const asOf = useRef<{ key: string; value: string } | undefined>(undefined);
  const [listed, setListed] = useState<{ key: string; result?: AppealPage; failure?: string }>({ key: '' });
  const listKey = `${filterKey}|${view.page}`;
  const results = useRef<HTMLHeadingElement>(null);

  const go = (changes: Partial<AppealsView>) => route(appealsAddress({ ...view, ...changes }, today));

  useEffect(() => {
    let current = true;
    const keptAsOf = asOf.current?.key === filterKey ? asOf.current.value : undefined;
    appealsApi.list({ unitId: view.unit || undefined, date: view.date || undefined, page: view.page, pageSize, asOf: keptAsOf }).then(
      (result) => {
        if (!current) return;
        if (!keptAsOf) asOf.current = { key: filterKey, value: result.asOf };
        setListed({ key: listKey, result });
      },
      (error: { message?: string }) => current && setListed({ key: listKey, failure: error.message ?? '请稍后再试。' }),
    );
    return () => {
      current = false;
    };
  }, [listKey]);

  const loading = listed.key !== listKey;
  const result = listed.result;
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  const scope = [unitName ?? (view.unit ? '这个单位' : '全部单位'), view.date ? `${dayLabel(view.date)}接线` : '']
    .filter(Boolean)
    .join('，');
  const turnPage = (page: number) => {
    go({ page });
    requestAnimationFrame(() => results.current?.focus());
  };

  return (
    <div class="appeals-page">
      <h1 tabIndex={-1}>往期回顾</h1>
      <p>按单位或接线日期查看以前的诉求：办理中的只显示状态，答复公开后可以看到答复和“AI详解”。个人信息已隐去。</p>
      {/* Unit, calendar, list on a phone (the calendar is a filter, so it comes before what it filters); on a wide
          screen the calendar stands on the right of both. */}
      <div class="appeals-layout">
        <section class="card area-unit" aria-labelledby="unit-heading">
          <h2 id="unit-heading">选择单位</h2>
          {units.status === 'ready' && (
            <UnitSelector idPrefix="appeals" units={units.value} value={view.unit} onChange={(unit) => go({ unit, page: 1, date: '' })} />
          )}
          {units.status === 'loading' && <p class="muted">正在加载单位…</p>}
          {units.status === 'failed' && (
            <p class="error" role="alert">
              单位列表暂时没有加载出来：{units.failure.message}
            </p>
          )}
        </section>
        <div class="area-calendar">
          <SessionCalendar
            month={view.month}
            unitId={view.unit}
            date={view.date}
            onMonth={(month) => go({ month })}
            onDate={(date) => go({ date, page: 1 })}
          />
        </div>
        <section class="card area-list" aria-labelledby="list-heading" aria-busy={loading}>
          <h2 id="list-heading" tabIndex={-1} ref={results}>
            诉求列表
          </h2>
          <p class="list-scope" role="status">
            {loading
              ? '正在加载…'
              : result
                ? `${scope}：共 ${result.total} 条${result.total > 0 ? `，第 ${view.page} / ${pages} 页` : ''}`
                : ''}
          </p>
          {listed.failure && !loading && (
            <p class="error" role="alert">
              诉求列表暂时没有加载出来：{listed.failure}
            </p>
          )}
          {result && !loading && result.total === 0 && (
            <p class="empty">
              {view.date ? `${scope}没有查到诉求。` : `${scope}还没有可以公开的往期诉求。`}可以换个单位或日期看看，或者问问右下角的小宁。
            </p>
          )}
          {result && result.items.length > 0 && <AppealList appeals={result.items} />}
          {result && pages > 1 && (
            <nav class="pager" aria-label="翻页">
              <button type="button" class="plain-button" disabled={view.page <= 1 || loading} onClick={() => turnPage(view.page - 1)}>
                上一页
              </button>
              <span>
                第 {view.page} / {pages} 页
              </span>
              <button type="button" class="plain-button" disabled={view.page >= pages || loading} onClick={() => turnPage(view.page + 1)}>
                下一页
              </button>
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}
