import type { PreviewItem } from '../api';
import { sessionTime } from '../column-format';
import type { Loaded } from './use-loaded';

/** 接线预告: the coming sessions, each linking to its own page. */
export function PreviewsSection({ previews }: { previews: Loaded<PreviewItem[]> }) {
  return (
    <section class="card" aria-labelledby="previews-heading">
      <h2 id="previews-heading">接线预告</h2>
      {previews.status === 'loading' && <p class="muted">正在加载接线预告…</p>}
      {previews.status === 'failed' && (
        <p class="error" role="alert">
          接线预告暂时没有加载出来：{previews.failure.message}
        </p>
      )}
      {previews.status === 'ready' && previews.value.length === 0 && (
        <p class="empty">近期还没有发布接线预告，请过几天再来看看。有问题也可以先问小宁或拨打 12345。</p>
      )}
      {previews.status === 'ready' && previews.value.length > 0 && (
        <ul class="preview-list">
          {previews.value.map((preview) => (
            <li key={preview.id} class="preview-item">
              <h3>{preview.unit.name}</h3>
              <p class="preview-when">{sessionTime(preview.startsAt, preview.endsAt)}</p>
              <p>接线领导：{preview.leaderTitle}</p>
              <p class="preview-scope">职责范围：{preview.scope}</p>
              <p>参与方式：{preview.channels.map((channel) => channel.name).join('、')}</p>
              <a class="more-link" href={`/previews/${encodeURIComponent(preview.id)}`}>
                查看详情<span class="visually-hidden">：{preview.unit.name}接线预告</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
