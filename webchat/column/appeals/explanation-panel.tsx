import { useEffect, useRef } from 'preact/hooks';
import { appealsApi, policyPageHref, type ExplanationPoint } from '../appeals-api';
import { useLoaded } from '../components/use-loaded';

const sourceName = (point: ExplanationPoint) =>
  point.source.kind === 'reply'
    ? `官方答复${point.source.unit ? `（${point.source.unit}）` : ''}`
    : `《${point.source.title}》${point.source.headingPath.slice(1).join(' ')}`;

/** AI详解 of one appeal's reply: its points, each with the words it quotes and where they come from. */
export function ExplanationPanel({ appealId, id }: { appealId: string; id: string }) {
  const explanation = useLoaded(() => appealsApi.explanation(appealId), appealId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (explanation.status === 'ready') heading.current?.focus();
  }, [explanation.status]);
  return (
    <div class="explanation" id={id} role="region" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} tabIndex={-1} ref={heading}>
        AI详解
      </h4>
      {explanation.status === 'loading' && <p class="muted">小宁正在解读答复…</p>}
      {explanation.status === 'failed' && (
        <p class="error" role="alert">
          {explanation.failure.message}
        </p>
      )}
      {explanation.status === 'ready' &&
        (explanation.value.points.length === 0 ? (
          <p class="empty">这份答复很简短，没有可以再解读的内容，请直接看答复原文。</p>
        ) : (
          <>
            <ul class="explanation-points">
              {explanation.value.points.map((point, index) => (
                <li key={index}>
                  <p class="point-heading">{point.heading}</p>
                  <p class="point-text">{point.text}</p>
                  <p class="point-source">
                    出处：
                    {point.source.kind === 'policy' ? <a href={policyPageHref(point.source)}>{sourceName(point)}</a> : sourceName(point)}
                    {point.text.includes(point.quote) ? '' : `，原文：“${point.quote}”`}
                  </p>
                </li>
              ))}
            </ul>
            <p class="hint">{explanation.value.notice}</p>
          </>
        ))}
    </div>
  );
}
