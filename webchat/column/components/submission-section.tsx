import { useRef, useState } from 'preact/hooks';
import { api, ApiFailure, networkMessage, type PreviewItem, type SubmissionReceipt } from '../api';
import { characterCount, sessionTime } from '../column-format';
import type { Loaded } from './use-loaded';

export const contentLimits = { min: 10, max: 500 };

/** The form's own check, the same rule the server applies: 10–500 characters. */
export function contentProblem(content: string): string | undefined {
  const count = characterCount(content);
  if (count === 0) return '请填写留言内容。';
  if (count < contentLimits.min) return `留言内容太短了，请至少写 ${contentLimits.min} 个字，把问题说清楚。`;
  if (count > contentLimits.max) return `留言内容太长了，请控制在 ${contentLimits.max} 字以内（现在 ${count} 字）。`;
  return undefined;
}

/** 我要留言: a question left for a coming session, moderated before the unit's officials see it. */
export function SubmissionSection({ previews }: { previews: Loaded<PreviewItem[]> }) {
  return (
    <section class="card" id="leave-message" aria-labelledby="submission-heading">
      <h2 id="submission-heading">我要留言</h2>
      <p>有想在接线时反映的问题？写下来，工作人员审核后会转给接线单位，领导接线前就能看到。</p>
      {previews.status === 'loading' && <p class="muted">正在加载可以留言的接线场次…</p>}
      {previews.status === 'failed' && (
        <p class="error" role="alert">
          {previews.failure.message}
        </p>
      )}
      {previews.status === 'ready' &&
        (previews.value.length === 0 ? (
          <p class="empty">近期没有可以留言的接线场次。您可以拨打 12345 热线反映问题。</p>
        ) : (
          <SubmissionForm previews={previews.value} />
        ))}
    </section>
  );
}

function SubmissionForm({ previews }: { previews: PreviewItem[] }) {
  const [previewId, setPreviewId] = useState(previews[0]!.id);
  const [content, setContent] = useState('');
  const [contact, setContact] = useState('');
  const [problem, setProblem] = useState<{ field: 'content' | 'form'; message: string } | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<(SubmissionReceipt & { content: string }) | undefined>(undefined);
  const contentField = useRef<HTMLTextAreaElement>(null);
  const confirmation = useRef<HTMLDivElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const local = contentProblem(content);
    if (local) {
      setProblem({ field: 'content', message: local });
      contentField.current?.focus();
      return;
    }
    setSending(true);
    setProblem(undefined);
    try {
      const trimmedContact = contact.trim();
      const result = await api.submit({ previewId, content: content.trim(), ...(trimmedContact ? { contact: trimmedContact } : {}) });
      setReceipt({ ...result, content: content.trim() });
      setContent('');
      setContact('');
      requestAnimationFrame(() => confirmation.current?.focus());
    } catch (caught) {
      setProblem({ field: 'form', message: caught instanceof ApiFailure ? caught.message : networkMessage });
    } finally {
      setSending(false);
    }
  };

  if (receipt) {
    return (
      <div class="confirmation" role="status" tabIndex={-1} ref={confirmation}>
        <h3>留言已收到，谢谢您！</h3>
        <p>您的留言：</p>
        <blockquote class="submitted-text">{receipt.content}</blockquote>
        <p>接下来：</p>
        <ol>
          <li>工作人员会在 1–2 个工作日内审核您的留言。</li>
          <li>审核通过后，留言会转给{receipt.unitName}，接线领导在接线前和接线时都能看到。</li>
          <li>您留的联系方式只给工作人员联系您用，任何页面都不会公开。</li>
        </ol>
        <button type="button" onClick={() => setReceipt(undefined)}>
          再写一条留言
        </button>
      </div>
    );
  }

  const count = characterCount(content);
  const contentInvalid = problem?.field === 'content';
  return (
    <form class="submission-form" noValidate onSubmit={(event) => void submit(event)}>
      <div class="field">
        <label for="submission-session">接线场次</label>
        <select id="submission-session" value={previewId} onChange={(event) => setPreviewId(event.currentTarget.value)}>
          {previews.map((preview) => (
            <option key={preview.id} value={preview.id}>
              {preview.unit.name}（{sessionTime(preview.startsAt, preview.endsAt)}）
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="submission-content">留言内容</label>
        <p id="submission-content-hint" class="hint">
          请写清楚事情经过和您的诉求，{contentLimits.min}–{contentLimits.max} 字。请不要写身份证号等个人信息。
        </p>
        <textarea
          id="submission-content"
          ref={contentField}
          rows={6}
          value={content}
          aria-describedby={
            contentInvalid ? 'submission-content-hint submission-count submission-problem' : 'submission-content-hint submission-count'
          }
          aria-invalid={contentInvalid}
          onInput={(event) => setContent(event.currentTarget.value)}
        />
        <p id="submission-count" class={count > contentLimits.max ? 'hint over' : 'hint'}>
          已写 {count} 字，最多 {contentLimits.max} 字
        </p>
      </div>
      <div class="field">
        <label for="submission-contact">联系方式（选填）</label>
        <p id="submission-contact-hint" class="hint">
          手机号或其他联系方式，只给工作人员联系您用，不会公开。
        </p>
        <input
          id="submission-contact"
          type="text"
          inputMode="tel"
          autoComplete="tel"
          value={contact}
          aria-describedby="submission-contact-hint"
          onInput={(event) => setContact(event.currentTarget.value)}
        />
      </div>
      {problem && (
        <p id="submission-problem" class="error" role="alert">
          {problem.message}
        </p>
      )}
      <button type="submit" class="primary" disabled={sending}>
        {sending ? '正在提交…' : '提交留言'}
      </button>
    </form>
  );
}
