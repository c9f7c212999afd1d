import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { chinaDateTime } from '../../../common/china-time';
import { appealsApi, policyPageHref, type AppealDetail } from '../appeals-api';
import { ExplanationPanel } from '../appeals/explanation-panel';
import { usePageTitle } from '../components/page-title';
import { useLoaded } from '../components/use-loaded';
import { NotFoundPage } from './not-found-page';

const none = <p class="none">暂无</p>;

function Insights({ appeal }: { appeal: AppealDetail }) {
  const { insights } = appeal;
  const classification = [insights.category, insights.type].filter(Boolean).join(' · ');
  return (
    <section class="card insights" aria-labelledby="insights-heading">
      <h2 id="insights-heading">小宁分析</h2>
      <p class="hint">由小宁根据诉求内容自动分析，只列出相关度够高的内容；没有的写“暂无”，不做猜测。</p>
      <h3>分类</h3>
      {classification ? (
        <p>
          {classification}
          {insights.tags.length > 0 && <span class="tags">（话题：{insights.tags.slice(0, 5).join('、')}）</span>}
        </p>
      ) : (
        none
      )}
      <h3>摘要</h3>
      {insights.summary ? <p>{insights.summary}</p> : none}
      <h3>政策依据</h3>
      {insights.relatedPolicies.length === 0 ? (
        none
      ) : (
        <ul class="policy-list">
          {insights.relatedPolicies.map((policy, index) => (
            <li key={index}>
              <details>
                <summary>
                  《{policy.title}》{policy.headingPath.slice(1).join(' ')}
                </summary>
                <blockquote class="excerpt">{policy.excerpt}</blockquote>
                <a href={policyPageHref(policy)}>查看原文</a>
              </details>
            </li>
          ))}
        </ul>
      )}
      <h3>相似诉求</h3>
      {insights.similarAppeals.length === 0 ? (
        none
      ) : (
        <ul class="similar-list">
          {insights.similarAppeals.map((similar) => (
            <li key={similar.id}>
              <a href={`/appeals/${encodeURIComponent(similar.id)}`}>{similar.title}</a>
              <span class="muted">（{similar.status}）</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/appeals/:id`: 诉求详情 (masked), 小宁分析, and AI详解 once the reply is published. */
export function AppealPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const appeal = useLoaded(() => appealsApi.detail(id), id);
  const [explaining, setExplaining] = useState(false);
  usePageTitle(appeal.status === 'ready' ? appeal.value.title : appeal.status === 'loading' ? '诉求详情' : undefined);

  if (appeal.status === 'loading') return <p class="muted">正在加载诉求…</p>;
  if (appeal.status === 'failed') {
    if (appeal.failure.status === 404) return <NotFoundPage heading="没有找到这条诉求" reason="这条诉求不存在，或者已经不再公开。" />;
    return (
      <div>
        <h1 tabIndex={-1}>诉求详情</h1>
        <p class="error" role="alert">
          诉求暂时没有加载出来：{appeal.failure.message}
        </p>
        <p>
          <a href="/appeals">回到往期回顾</a>
        </p>
      </div>
    );
  }
  const detail = appeal.value;
  return (
    <div class="appeal-page">
      <p class="breadcrumb">
        <a href="/appeals">往期回顾</a> <span aria-hidden="true">›</span> 诉求详情
      </p>
      <h1 tabIndex={-1}>{detail.title}</h1>
      <section class="card" aria-labelledby="detail-heading">
        <h2 id="detail-heading">诉求详情</h2>
        <dl class="appeal-facts">
          <dt>受理时间</dt>
          <dd>{chinaDateTime(new Date(detail.receivedAt))}</dd>
          {detail.citizen && (
            <>
              <dt>诉求人</dt>
              <dd>{detail.citizen}</dd>
            </>
          )}
          <dt>诉求内容</dt>
          <dd class="appeal-content">{detail.content}</dd>
          <dt>诉求类别</dt>
          <dd>{detail.category ?? '暂无'}</dd>
          <dt>诉求类型</dt>
          <dd>{detail.type ?? '暂无'}</dd>
          <dt>办理状态</dt>
          <dd>{detail.status}</dd>
          {detail.unit && (
            <>
              <dt>接线单位</dt>
              <dd>{detail.unit.name}</dd>
            </>
          )}
          {detail.reply && (
            <>
              <dt>答复单位</dt>
              <dd>{detail.replyUnit ?? detail.unit?.name ?? '暂无'}</dd>
              {detail.repliedAt && (
                <>
                  <dt>答复时间</dt>
                  <dd>{chinaDateTime(new Date(detail.repliedAt))}</dd>
                </>
              )}
              <dt>答复内容</dt>
              <dd class="reply-text">{detail.reply}</dd>
            </>
          )}
        </dl>
        {!detail.reply && <p class="empty">答复还没有公开，公开后会显示在这里。</p>}
        {detail.reply && (
          <>
            <button
              type="button"
              class="explain-button"
              aria-expanded={explaining}
              aria-controls={explaining ? 'detail-explanation' : undefined}
              onClick={() => setExplaining(!explaining)}
            >
              AI详解
            </button>
            {explaining && <ExplanationPanel appealId={detail.id} id="detail-explanation" />}
          </>
        )}
      </section>
      <Insights appeal={detail} />
    </div>
  );
}
