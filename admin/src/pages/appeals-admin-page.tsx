import { useState } from 'preact/hooks';
import { requestJson } from '../api';
import { chinaDate, chinaDateTime } from '../format';
import { AdminPageFrame } from '../records/admin-page-frame';
import { AppealEditor, appealStatuses, type AdminAppeal, type SessionChoice } from '../records/appeal-editor';
import { AppealImportSection } from '../records/appeal-import-section';
import { useLoaded } from '../use-loaded';

const pageSize = 20;

interface SessionItem {
  id: string;
  unit: { name: string };
  startsAt: string;
}

/** 诉求管理: import appeals, find one, edit its status and reply, publish the reply, assign it to a session. */
export function AppealsAdminPage() {
  const [status, setStatus] = useState('');
  const [words, setWords] = useState('');
  const [query, setQuery] = useState({ status: '', q: '', page: 1 });
  const [round, setRound] = useState(0);
  const [editing, setEditing] = useState<AdminAppeal | null>(null);
  const search = new URLSearchParams({ page: String(query.page), pageSize: String(pageSize) });
  if (query.status) search.set('status', query.status);
  if (query.q) search.set('q', query.q);
  const [appeals] = useLoaded(
    () => requestJson<{ items: AdminAppeal[]; total: number }>(`/api/admin/appeals?${search.toString()}`),
    `${search.toString()}#${round}`,
  );
  const [sessions] = useLoaded(
    () =>
      requestJson<{ items: SessionItem[] }>('/api/admin/previews').then((result) =>
        result.items.map((session): SessionChoice => ({ id: session.id, label: `${chinaDate(session.startsAt)} ${session.unit.name}` })),
      ),
    'sessions',
  );

  return (
    <AdminPageFrame heading="诉求管理">
      <AppealImportSection onImported={() => setRound((value) => value + 1)} />
      <section class="records-section" aria-labelledby="list-heading">
        <h2 id="list-heading">诉求列表</h2>
        <form
          class="filters"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery({ status, q: words.trim(), page: 1 });
          }}
        >
          <label>
            办理状态
            <select value={status} onChange={(event) => setStatus(event.currentTarget.value)}>
              <option value="">全部</option>
              {appealStatuses.map((each) => (
                <option key={each} value={each}>
                  {each}
                </option>
              ))}
            </select>
          </label>
          <label>
            关键词
            <input type="search" value={words} onInput={(event) => setWords(event.currentTarget.value)} />
          </label>
          <button type="submit">查询</button>
        </form>
        {appeals.status === 'loading' && <p aria-live="polite">正在加载…</p>}
        {appeals.status === 'failed' && (
          <p class="problem" role="alert">
            {appeals.failure.message}
          </p>
        )}
        {appeals.status === 'ready' && (
          <>
            <p aria-live="polite">共 {appeals.value.total} 条</p>
            <ul class="record-list">
              {appeals.value.items.map((appeal) => (
                <li key={appeal.id}>
                  <strong>{appeal.title || '（无标题）'}</strong>
                  <p class="record-meta">
                    {chinaDateTime(appeal.receivedAt)} · {appeal.unit?.name ?? '未指定单位'} · {appeal.status}
                    {appeal.replyPublished ? ' · 答复已公开' : ''}
                  </p>
                  <button
                    type="button"
                    class="quiet-button"
                    onClick={() => setEditing(appeal)}
                    aria-label={`编辑：${appeal.title || appeal.id}`}
                  >
                    编辑
                  </button>
                </li>
              ))}
            </ul>
            <div class="button-row">
              <button type="button" disabled={query.page <= 1} onClick={() => setQuery({ ...query, page: query.page - 1 })}>
                上一页
              </button>
              <span>第 {query.page} 页</span>
              <button
                type="button"
                disabled={query.page * pageSize >= appeals.value.total}
                onClick={() => setQuery({ ...query, page: query.page + 1 })}
              >
                下一页
              </button>
            </div>
          </>
        )}
      </section>
      {editing && (
        <AppealEditor
          key={editing.id}
          appeal={editing}
          sessions={sessions.status === 'ready' ? sessions.value : []}
          onSaved={(saved) => {
            setEditing(saved);
            setRound((value) => value + 1);
          }}
        />
      )}
    </AdminPageFrame>
  );
}
