import { useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import { chinaDateTime } from '../format';
import { useSession } from '../session-context';
import type { Outcome } from './outcome-message';
import type { PreviewItem, WechatOutcome } from './session-types';

const failureMessage = (error: unknown, fallback: string) => (error instanceof ApiFailure ? error.message : fallback);

function PreviewActions(props: {
  preview: PreviewItem;
  wechatConfigured: boolean;
  onChanged: () => void;
  onEdit: (preview: PreviewItem) => void;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { csrfToken } = useSession();
  const { preview } = props;
  const [busy, setBusy] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const base = `/api/admin/previews/${encodeURIComponent(preview.id)}`;
  const name = `${preview.unit.name} ${chinaDateTime(preview.startsAt)}`;

  const run = async (work: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      props.onOutcome(await work());
      props.onChanged();
    } catch (error) {
      props.onOutcome({ ok: false, message: failureMessage(error, '操作没有成功，请稍后再试。') });
    } finally {
      setBusy(false);
    }
  };
  const togglePublished = () =>
    run(async () => {
      await requestJson<PreviewItem>(`${base}/${preview.published ? 'unpublish' : 'publish'}`, { method: 'POST', csrfToken });
      return { ok: true, message: preview.published ? `已撤回：${name}` : `已发布到栏目：${name}` };
    });
  const pushToWechat = () =>
    run(async () => {
      const outcome = await requestJson<WechatOutcome>(`${base}/wechat-push`, { method: 'POST', csrfToken });
      return { ok: outcome.ok, message: outcome.ok ? `已推送到微信公众号：${outcome.message}` : `推送到微信没有成功。${outcome.message}` };
    });
  const remove = () =>
    run(async () => {
      await requestJson(base, { method: 'DELETE', csrfToken });
      return { ok: true, message: `已删除：${name}` };
    });

  return (
    <div class="item-actions">
      <button type="button" class="quiet-button" onClick={() => props.onEdit(preview)} disabled={busy}>
        修改
      </button>
      <button type="button" onClick={togglePublished} disabled={busy}>
        {preview.published ? '撤回' : '发布'}
      </button>
      {preview.published && props.wechatConfigured && (
        <button type="button" onClick={pushToWechat} disabled={busy}>
          推送到微信
        </button>
      )}
      {confirmingDelete ? (
        <span class="confirm">
          <span>确定删除这条预告？</span>
          <button type="button" onClick={remove} disabled={busy}>
            确定删除
          </button>
          <button type="button" class="quiet-button" onClick={() => setConfirmingDelete(false)}>
            不删除
          </button>
        </span>
      ) : (
        <button type="button" class="quiet-button" onClick={() => setConfirmingDelete(true)} disabled={busy}>
          删除
        </button>
      )}
    </div>
  );
}

/** The sessions not yet over, soonest first (past ones on request, latest first): published on the column or drafts. */
export function PreviewList(props: {
  previews: PreviewItem[];
  wechatConfigured: boolean;
  onChanged: () => void;
  onEdit: (preview: PreviewItem) => void;
  onOutcome: (outcome: Outcome) => void;
}) {
  const [showPast, setShowPast] = useState(false);
  const now = new Date().toISOString();
  const past = props.previews.filter((preview) => preview.endsAt <= now).length;
  const sorted = props.previews
    .filter((preview) => showPast || preview.endsAt > now)
    .sort((left, right) => (showPast ? right.startsAt.localeCompare(left.startsAt) : left.startsAt.localeCompare(right.startsAt)));
  return (
    <>
      <label class="show-past">
        <input type="checkbox" checked={showPast} onChange={(event) => setShowPast((event.target as HTMLInputElement).checked)} />
        显示已结束的场次（{past} 场）
      </label>
      {sorted.length === 0 ? (
        <p>{showPast ? '还没有接线预告。' : '没有尚未结束的接线预告。'}</p>
      ) : (
        <PreviewItems {...props} previews={sorted} />
      )}
    </>
  );
}

function PreviewItems(props: {
  previews: PreviewItem[];
  wechatConfigured: boolean;
  onChanged: () => void;
  onEdit: (preview: PreviewItem) => void;
  onOutcome: (outcome: Outcome) => void;
}) {
  return (
    <ul class="session-list">
      {props.previews.map((preview) => (
        <li key={preview.id} class="session-item">
          <h3>
            {preview.unit.name}
            <span class={preview.published ? 'state published' : 'state draft'}>{preview.published ? '已发布' : '草稿'}</span>
          </h3>
          <p class="item-meta">
            {chinaDateTime(preview.startsAt)} – {chinaDateTime(preview.endsAt)} · {preview.leaderTitle}
          </p>
          <p class="item-scope">接线范围：{preview.scope}</p>
          <PreviewActions
            preview={preview}
            wechatConfigured={props.wechatConfigured}
            onChanged={props.onChanged}
            onEdit={props.onEdit}
            onOutcome={props.onOutcome}
          />
        </li>
      ))}
    </ul>
  );
}
