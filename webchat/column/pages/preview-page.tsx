import { useRoute } from 'preact-iso';
import { api } from '../api';
import { sessionTime } from '../column-format';
import { usePageTitle } from '../components/page-title';
import { PreviewDetails } from '../components/preview-details';
import { useLoaded } from '../components/use-loaded';
import { NotFoundPage } from './not-found-page';

/** `/previews/:id`: one session, headed by its unit and time (WeChat's 预告 cards link here). */
export function PreviewPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const preview = useLoaded(() => api.preview(id), id);
  const heading =
    preview.status === 'ready' ? `${preview.value.unit.name} ${sessionTime(preview.value.startsAt, preview.value.endsAt)}` : undefined;
  usePageTitle(heading ?? (preview.status === 'loading' ? '接线预告' : undefined));

  if (preview.status === 'loading') return <p class="muted">正在加载接线预告…</p>;
  if (preview.status === 'failed') {
    if (preview.failure.status === 404)
      return <NotFoundPage heading="没有找到这场接线" reason="这场接线预告不存在，或者还没有发布、已经撤下。" />;
    return (
      <div>
        <h1 tabIndex={-1}>接线预告</h1>
        <p class="error" role="alert">
          接线预告暂时没有加载出来：{preview.failure.message}
        </p>
        <p>
          <a href="/">回到领导接线首页</a>
        </p>
      </div>
    );
  }
  return (
    <article class="card preview-page" aria-labelledby="preview-heading">
      <h1 id="preview-heading" tabIndex={-1}>
        {heading}
      </h1>
      <PreviewDetails preview={preview.value} />
      <p>
        想在这场接线里反映问题？<a href="/#leave-message">去留言</a>，或在接线时拨打 12345。
      </p>
      <p>
        <a href="/">回到领导接线首页</a>
      </p>
    </article>
  );
}
