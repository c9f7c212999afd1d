import { useState } from 'preact/hooks';
import { requestJson } from '../api';
import { chinaDateTime } from '../format';
import { AdminPageFrame } from '../records/admin-page-frame';
import { AuditChangeTable, actionNames } from '../records/audit-change-table';
import { useLoaded } from '../use-loaded';

interface AuditItem {
  id: number;
  who: string;
  what: string;
  target: string | null;
  when: string;
  before: unknown;
  after: unknown;
}

interface AuditPage {
  items: AuditItem[];
  total: number;
  choices: { who: string[]; what: string[] };
}

const pageSize = 30;
const emptyFilter = { who: '', what: '', from: '', to: '' };

/** 审计日志: who did what and when, filtered by each, with the before and after of every change. */
export function AuditLogPage() {
  const [draft, setDraft] = useState(emptyFilter);
  const [filter, setFilter] = useState({ ...emptyFilter, offset: 0 });
  const search = new URLSearchParams({ limit: String(pageSize), offset: String(filter.offset) });
  for (const key of ['who', 'what', 'from', 'to'] as const) if (filter[key]) search.set(key, filter[key]);
  const [page] = useLoaded(() => requestJson<AuditPage>(`/api/admin/audit-log?${search.toString()}`), search.toString());
  const choices = page.status === 'ready' ? page.value.choices : { who: [], what: [] };
  return (
    <AdminPageFrame heading="审计日志">
      <section class="records-section" aria-labelledby="audit-filter-heading">
        <h2 id="audit-filter-heading">筛选</h2>
        <form
          class="filters"
          onSubmit={(event) => {
            event.preventDefault();
            setFilter({ ...draft, offset: 0 });
          }}
        >
          <label>
            操作人
            <select value={draft.who} onChange={(event) => setDraft({ ...draft, who: event.currentTarget.value })}>
              <option value="">全部</option>
              {choices.who.map((who) => (
                <option key={who} value={who}>
                  {who}
                </option>
              ))}
            </select>
          </label>
          <label>
            操作类型
            <select value={draft.what} onChange={(event) => setDraft({ ...draft, what: event.currentTarget.value })}>
              <option value="">全部</option>
              {choices.what.map((what) => (
                <option key={what} value={what}>
                  {actionNames[what] ?? what}
                </option>
              ))}
            </select>
          </label>
          <label>
            开始日期
            <input type="date" value={draft.from} onInput={(event) => setDraft({ ...draft, from: event.currentTarget.value })} />
          </label>
          <label>
            结束日期
            <input type="date" value={draft.to} onInput={(event) => setDraft({ ...draft, to: event.currentTarget.value })} />
          </label>
          <button type="submit">筛选</button>
        </form>
      </section>
      <section class="records-section" aria-labelledby="audit-list-heading">
        <h2 id="audit-list-heading">操作记录</h2>
        {page.status === 'loading' && <p aria-live="polite">正在加载…</p>}
        {page.status === 'failed' && (
          <p class="problem" role="alert">
            {page.failure.message}
          </p>
        )}
        {page.status === 'ready' && (
          <>
            <p aria-live="polite">共 {page.value.total} 条记录</p>
            <ol class="record-list">
              {page.value.items.map((entry) => (
                <li key={entry.id}>
                  <h3>
                    {actionNames[entry.what] ?? entry.what}
                    {entry.target ? `：${entry.target}` : ''}
                  </h3>
                  <p class="record-meta">
                    {chinaDateTime(entry.when)} · 操作人 {entry.who}
                  </p>
                  <AuditChangeTable before={entry.before} after={entry.after} caption={`第 ${entry.id} 条记录的修改前后`} />
                </li>
              ))}
            </ol>
            <div class="button-row">
              <button
                type="button"
                disabled={filter.offset === 0}
                onClick={() => setFilter({ ...filter, offset: Math.max(0, filter.offset - pageSize) })}
              >
                较新的记录
              </button>
              <button
                type="button"
                disabled={filter.offset + pageSize >= page.value.total}
                onClick={() => setFilter({ ...filter, offset: filter.offset + pageSize })}
              >
                较早的记录
              </button>
            </div>
          </>
        )}
      </section>
    </AdminPageFrame>
  );
}
