import { useState } from 'preact/hooks';
import { requestJson } from '../api';
import { chinaDateTime } from '../format';
import { AdminPageFrame, Outcome, messageOf } from '../records/admin-page-frame';
import { useSession } from '../session-context';
import type { SubmissionItem } from '../types';
import { useLoaded } from '../use-loaded';

const statusNames = { pending: '待审核', published: '已通过', rejected: '不予采用', answered: '已回复' } as const;

type ReviewItem = SubmissionItem & { rejectionReason: string | null; moderatedBy: string | null };

function ReviewEntry(props: { item: ReviewItem; onDone: (message: string) => void }) {
  const { csrfToken } = useSession();
  const { item } = props;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (action: 'publish' | 'reject') => {
    if (action === 'reject' && reason.trim() === '') return setProblem('请填写不予采用的理由。');
    setProblem(null);
    try {
      await requestJson(`/api/admin/submissions/${encodeURIComponent(item.id)}/${action}`, {
        method: 'POST',
        csrfToken,
        body: action === 'reject' ? { reason: reason.trim() } : {},
      });
      props.onDone(action === 'publish' ? '留言已通过，接线单位可以看到。' : '留言已标记为不予采用。');
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  return (
    <li>
      <p class="change-value">{item.content}</p>
      <p class="record-meta">
        {item.unit.name} · {chinaDateTime(item.createdAt)} · {statusNames[item.status]}
        {item.contact ? ` · 联系方式 ${item.contact}` : ''}
        {item.rejectionReason ? ` · 理由：${item.rejectionReason}` : ''}
      </p>
      {item.status === 'pending' && (
        <div class="button-row">
          <button type="button" onClick={() => act('publish')}>
            通过
          </button>
          <button type="button" class="quiet-button" onClick={() => setRejecting(true)} aria-expanded={rejecting}>
            不予采用
          </button>
        </div>
      )}
      {rejecting && (
        <div class="form-grid">
          <label>
            不予采用的理由
            <input value={reason} maxLength={200} onInput={(event) => setReason(event.currentTarget.value)} />
          </label>
          <div class="button-row">
            <button type="button" onClick={() => act('reject')}>
              确认不予采用
            </button>
          </div>
        </div>
      )}
      <Outcome problem={problem} />
    </li>
  );
}

/** 留言审核: the questions citizens left, pending first; publish, or reject with a reason (both audited). */
export function SubmissionsReviewPage() {
  const [status, setStatus] = useState<keyof typeof statusNames>('pending');
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [items] = useLoaded(
    () => requestJson<{ items: ReviewItem[] }>(`/api/admin/submissions?status=${status}`).then((result) => result.items),
    `${status}#${round}`,
  );
  return (
    <AdminPageFrame heading="留言审核">
      <section class="records-section" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{statusNames[status]}的留言</h2>
        <div class="filters">
          <label>
            状态
            <select value={status} onChange={(event) => setStatus(event.currentTarget.value as keyof typeof statusNames)}>
              {Object.entries(statusNames).map(([value, name]) => (
                <option key={value} value={value}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Outcome done={done} />
        {items.status === 'loading' && <p aria-live="polite">正在加载…</p>}
        {items.status === 'failed' && (
          <p class="problem" role="alert">
            {items.failure.message}
          </p>
        )}
        {items.status === 'ready' &&
          (items.value.length === 0 ? (
            <p>没有{statusNames[status]}的留言。</p>
          ) : (
            <ul class="record-list">
              {items.value.map((item) => (
                <ReviewEntry
                  key={item.id}
                  item={item}
                  onDone={(message) => {
                    setDone(message);
                    setRound((value) => value + 1);
                  }}
                />
              ))}
            </ul>
          ))}
      </section>
    </AdminPageFrame>
  );
}
