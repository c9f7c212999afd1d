import { useState } from 'preact/hooks';
import { requestJson } from '../api';
import { chinaDateTime } from '../format';
import { useSession } from '../session-context';
import { Outcome, messageOf } from './admin-page-frame';

export interface AdminAppeal {
  id: string;
  title: string;
  content: string;
  unit: { id: string; name: string } | null;
  receivedAt: string;
  sessionId: string | null;
  category: string | null;
  type: string | null;
  status: string;
  reply: string | null;
  replyUnit: string | null;
  repliedAt: string | null;
  replyPublished: boolean;
  source: string;
}

export interface SessionChoice {
  id: string;
  label: string;
}

export const appealStatuses = ['待受理', '办理中', '已办结', '已解决'];

/** A moment for <input type="datetime-local"> in China time, and back. */
const toLocalInput = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16) : '');
const fromLocalInput = (value: string) => (value ? new Date(`${value}:00+08:00`).toISOString() : null);

/** 编辑诉求: status, reply, replying unit, reply date and session; 发布答复 closes the case and shows the reply publicly. */
export function AppealEditor(props: { appeal: AdminAppeal; sessions: SessionChoice[]; onSaved: (appeal: AdminAppeal) => void }) {
  const { csrfToken } = useSession();
  const { appeal } = props;
  const [status, setStatus] = useState(appeal.status);
  const [reply, setReply] = useState(appeal.reply ?? '');
  const [replyUnit, setReplyUnit] = useState(appeal.replyUnit ?? appeal.unit?.name ?? '');
  const [repliedAt, setRepliedAt] = useState(toLocalInput(appeal.repliedAt));
  const [sessionId, setSessionId] = useState(appeal.sessionId ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (action: 'save' | 'publish') => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const saved =
        action === 'save'
          ? await requestJson<AdminAppeal>(`/api/admin/appeals/${encodeURIComponent(appeal.id)}`, {
              method: 'PATCH',
              csrfToken,
              body: {
                status,
                reply: reply || null,
                replyUnit: replyUnit || null,
                repliedAt: fromLocalInput(repliedAt),
                sessionId: sessionId || null,
              },
            })
          : await requestJson<AdminAppeal>(`/api/admin/appeals/${encodeURIComponent(appeal.id)}/publish-reply`, {
              method: 'POST',
              csrfToken,
              body: { reply, replyUnit, ...(repliedAt ? { repliedAt: fromLocalInput(repliedAt) } : {}) },
            });
      setStatus(saved.status);
      setRepliedAt(toLocalInput(saved.repliedAt));
      setDone(
        action === 'save' ? '修改已保存。' : saved.replyPublished ? '答复已发布，公开页面已显示答复。' : '答复已保存，到答复时间后公开。',
      );
      props.onSaved(saved);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="records-section" aria-labelledby="editor-heading">
      <h2 id="editor-heading">编辑诉求：{appeal.title || '（无标题）'}</h2>
      <p class="record-meta">
        受理时间 {chinaDateTime(appeal.receivedAt)} · 承办单位 {appeal.unit?.name ?? '未指定'} ·{' '}
        {appeal.replyPublished ? '答复已公开' : '答复未公开'} ·{' '}
        <a href={`/appeals/${encodeURIComponent(appeal.id)}`} target="_blank" rel="noopener">
          查看公开页面
        </a>
      </p>
      <p class="change-value">{appeal.content}</p>
      <div class="form-grid">
        <label>
          办理状态
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value)}>
            {appealStatuses.map((each) => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </select>
        </label>
        <label>
          答复内容
          <textarea rows={5} value={reply} onInput={(event) => setReply(event.currentTarget.value)} />
        </label>
        <label>
          答复单位
          <input value={replyUnit} onInput={(event) => setReplyUnit(event.currentTarget.value)} />
        </label>
        <label>
          答复时间
          <input type="datetime-local" value={repliedAt} onInput={(event) => setRepliedAt(event.currentTarget.value)} />
        </label>
        <label>
          接线场次
          <select value={sessionId} onChange={(event) => setSessionId(event.currentTarget.value)}>
            <option value="">不属于任何场次</option>
            {props.sessions.map((session) => (
              <option key={session.id} value={session.id}>
                {session.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="button-row">
        <button type="button" disabled={busy} onClick={() => send('save')}>
          保存修改
        </button>
        <button type="button" disabled={busy} onClick={() => send('publish')}>
          发布答复
        </button>
      </div>
      <Outcome problem={problem} done={done} />
    </section>
  );
}
