import { useLocation } from 'preact-iso';
import { appealsApi } from '../appeals-api';
import { usePageTitle } from '../components/page-title';
import { useLoaded } from '../components/use-loaded';
import { NotFoundPage } from './not-found-page';

/**
 * `/policies?source=…&article=…`: the text of record of a source Xiaoning or an appeal page cites — the article
 * (or section) under its law's title, so a citizen can read the whole rule, not only the quoted lines.
 */
export function PolicyPage() {
  const { query } = useLocation();
  const source = query.source ?? '';
  const article = query.article || undefined;
  const passage = useLoaded(
    () => (source ? appealsApi.passage(source, article) : Promise.reject(new Error('no source'))),
    `${source}|${article ?? ''}`,
  );
  const heading =
    passage.status === 'ready' ? `${passage.value.title}${passage.value.article ? ` ${passage.value.article}` : ''}` : undefined;
  usePageTitle(heading ?? (passage.status === 'loading' ? '政策原文' : undefined));

  if (passage.status === 'loading') return <p class="muted">正在加载政策原文…</p>;
  if (passage.status === 'failed')
    return (
      <NotFoundPage
        heading="没有找到这段政策原文"
        reason={
          passage.failure.status === 404 || !source ? '这份文件或这一条不在小宁的资料库里，可能已经更新或撤下。' : passage.failure.message
        }
      />
    );
  const { value } = passage;
  return (
    <article class="card policy-page" aria-labelledby="policy-heading">
      <p class="muted">政策原文</p>
      <h1 id="policy-heading" tabIndex={-1}>
        {heading}
      </h1>
      {value.passages.map((each, index) => {
        const path = each.headingPath.slice(1);
        const previous = index > 0 ? value.passages[index - 1]!.headingPath.slice(1).join(' › ') : '';
        return (
          <section key={index} class="passage" aria-label={path.join(' ') || value.title}>
            {path.length > 0 && path.join(' › ') !== previous && <h2>{path.join(' › ')}</h2>}
            <p class="passage-text">{each.text}</p>
          </section>
        );
      })}
      {value.truncated && <p class="hint">文件较长，这里只显示开头部分。</p>}
      <p class="hint">来源文件：{value.source}。以发布机关公布的正式文本为准。</p>
      <p>
        <a href="/">回到领导接线首页</a>
      </p>
    </article>
  );
}
