import { useContext, useEffect, useRef } from 'preact/hooks';
import { ColumnAddress } from '../column-address';
import { sourcePageHref } from '../column-links';
import type { Source } from '../protocol';

/** The cited excerpt, inside the widget: the citizen stays in the conversation and returns with one key. */
export function SourceView({ source, number, onBack }: { source: Source; number: number; onBack: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const column = useContext(ColumnAddress);
  useEffect(() => heading.current?.focus(), [source]);
  return (
    <section class="xn-source-view" aria-labelledby="xn-source-title">
      <button type="button" class="xn-back" onClick={onBack}>
        <span aria-hidden="true">‹ </span>返回对话
      </button>
      <p class="xn-source-label">来源 [{number}]</p>
      <h3 id="xn-source-title" class="xn-source-title" tabIndex={-1} ref={heading}>
        {source.title}
      </h3>
      {source.headingPath.length > 0 && (
        <p class="xn-heading-path">
          <span class="xn-visually-hidden">所在章节：</span>
          {source.headingPath.join(' › ')}
        </p>
      )}
      <blockquote class="xn-excerpt">{source.excerpt}</blockquote>
      <p class="xn-source-file">文件：{source.source}</p>
      {column && (
        <p class="xn-source-page">
          <a href={sourcePageHref(column, source)} target="_blank" rel="noopener">
            在栏目里看这一条的原文<span class="xn-visually-hidden">（新窗口）</span>
          </a>
        </p>
      )}
    </section>
  );
}
