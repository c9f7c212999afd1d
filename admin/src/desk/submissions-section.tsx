import { useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import { chinaDateTime } from '../format';
import { useSession } from '../session-context';
import type { SubmissionItem } from '../types';
import { useLoaded } from '../use-loaded';

function AnswerForm(props: { unitId: string; item: SubmissionItem; onAnswered: (item: SubmissionItem) => void }) {
  const { csrfToken } = useSession();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = `answer-note-${props.item.id}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const path = `/api/units/${encodeURIComponent(props.unitId)}/submissions/${encodeURIComponent(props.item.id)}/answer`;
      props.onAnswered(await requestJson<SubmissionItem>(path, { method: 'POST', body: { note }, csrfToken }));
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : '没有保存成功，请稍后再试。');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="answer-form" onSubmit={submit}>
      <label for={noteId}>回复说明</label>
      <input
        id={noteId}
        value={note}
        maxLength={200}
        placeholder="例如：已在接线中答复，转物业科跟进"
        onInput={(event) => setNote((event.target as HTMLInputElement).value)}
      />
      <button type="submit" disabled={busy}>
        标记已回复
      </button>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** 群众留言: the published questions for the unit's sessions, newest first; the official marks one 已回复 with a note. */
export function SubmissionsSection(props: { unitId: string }) {
  const [answered, setAnswered] = useState<Record<string, SubmissionItem>>({});
  const [items] = useLoaded(
    () =>
      requestJson<{ items: SubmissionItem[] }>(`/api/units/${encodeURIComponent(props.unitId)}/submissions`).then((result) => result.items),
    props.unitId,
  );
  return (
    <section class="desk-section submissions" aria-labelledby="submissions-heading">
      <h2 id="submissions-heading">群众留言</h2>
      {items.status === 'loading' && <p aria-live="polite">正在加载…</p>}
      {items.status === 'failed' && (
        <p class="problem" role="alert">
          {items.failure.message}
        </p>
      )}
      {items.status === 'ready' && items.value.length === 0 && <p>暂无审核通过的群众留言。</p>}
      {items.status === 'ready' && items.value.length > 0 && (
        <ul class="submission-list">
          {items.value.map((original) => {
            const item = answered[original.id] ?? original;
            return (
              <li key={item.id} class="submission">
                <p class="submission-meta">
                  {chinaDateTime(item.createdAt)}
                  {item.preview && <span class="submission-session">场次：{chinaDateTime(item.preview.startsAt)}</span>}
                  {item.status === 'answered' && <span class="answered-marker">已回复</span>}
                </p>
                <p class="submission-content">{item.content}</p>
                {item.answer ? (
                  <p class="answer-note">
                    回复说明：{item.answer.note}（{item.answer.by}，{chinaDateTime(item.answer.at)}）
                  </p>
                ) : (
                  <AnswerForm
                    unitId={props.unitId}
                    item={item}
                    onAnswered={(next) => setAnswered((current) => ({ ...current, [next.id]: next }))}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
