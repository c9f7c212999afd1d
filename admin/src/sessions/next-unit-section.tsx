import { useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import { chinaDate } from '../format';
import { useSession } from '../session-context';
import { useLoaded } from '../use-loaded';
import { chinaDaysAhead, chinaInputToIso } from './china-input-time';
import type { PreviewItem, Suggestion, Suggestions } from './session-types';

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** 按此建议安排接线: one step from a suggestion to a draft preview of the unit, at the time chosen. */
function ScheduleFromSuggestion(props: { suggestion: Suggestion }) {
  const { csrfToken } = useSession();
  const { suggestion } = props;
  const [startsAt, setStartsAt] = useState(() => chinaDaysAhead(7, '15:00'));
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `schedule-${suggestion.unitId}`;

  const schedule = async (event: Event) => {
    event.preventDefault();
    const iso = chinaInputToIso(startsAt);
    if (!iso) return setResult({ ok: false, message: '请填写接线时间。' });
    setBusy(true);
    try {
      const preview = await requestJson<PreviewItem>('/api/admin/next-unit-suggestions/schedule', {
        method: 'POST',
        body: { unitId: suggestion.unitId, startsAt: iso },
        csrfToken,
      });
      setResult({
        ok: true,
        message: `已生成${preview.unit.name}的接线预告草稿（${chinaDate(preview.startsAt)}），请到“接线预告”核对后发布。`,
      });
    } catch (error) {
      setResult({ ok: false, message: error instanceof ApiFailure ? error.message : '安排没有成功，请稍后再试。' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="schedule-form" onSubmit={schedule}>
      <label for={inputId}>{suggestion.unitName}的接线时间（北京时间）</label>
      <input
        id={inputId}
        type="datetime-local"
        value={startsAt}
        onInput={(event) => setStartsAt((event.target as HTMLInputElement).value)}
      />
      <button type="submit" disabled={busy}>
        安排{suggestion.unitName}接线
      </button>
      <div aria-live="polite">
        {result &&
          (result.ok ? (
            <p role="status">
              {result.message} <a href="/admin/previews">去接线预告</a>
            </p>
          ) : (
            <p class="problem" role="alert">
              {result.message}
            </p>
          ))}
      </div>
    </form>
  );
}

/**
 * 下期建议: the candidates ranked by the vote and by the appeals within each unit's duties, every figure
 * named in the reasons and the weights shown; `refreshKey` changes when a vote arrives.
 */
export function NextUnitSection(props: { pollId: string | undefined; refreshKey: string }) {
  const query = props.pollId ? `?pollId=${encodeURIComponent(props.pollId)}` : '';
  const [suggestions] = useLoaded(
    () => requestJson<Suggestions>(`/api/admin/next-unit-suggestions${query}`),
    `${query}:${props.refreshKey}`,
  );

  return (
    <section class="desk-section next-unit" aria-labelledby="next-unit-heading">
      <h2 id="next-unit-heading">下期建议</h2>
      <div aria-live="polite">
        {suggestions.status === 'loading' && <p>正在计算…</p>}
        {suggestions.status === 'failed' && (
          <p class="problem" role="alert">
            {suggestions.failure.message}
          </p>
        )}
      </div>
      {suggestions.status === 'ready' && (
        <>
          <p>
            {suggestions.value.poll ? `依据投票“${suggestions.value.poll.title}”` : '目前没有投票，只按诉求情况排序'}，以及近
            {suggestions.value.period.days}
            天（{chinaDate(suggestions.value.period.from)}至{chinaDate(suggestions.value.period.to)}
            ）各单位职责范围内的高频诉求，与此前同样长的一段时间相比。
          </p>
          <p class="weights">
            权重：得票占比 {percent(suggestions.value.weights.votes)}，诉求量 {percent(suggestions.value.weights.volume)}，诉求增长{' '}
            {percent(suggestions.value.weights.growth)}，未办结占比 {percent(suggestions.value.weights.unresolved)}
          </p>
          <ol class="suggestion-list">
            {suggestions.value.items.map((item) => (
              <li key={item.unitId} class="suggestion" aria-labelledby={`suggestion-${item.unitId}`}>
                <h3 id={`suggestion-${item.unitId}`}>
                  第{item.rank}名 {item.unitName}
                  <span class="score">综合得分 {item.score.toFixed(3)}</span>
                </h3>
                <ul class="reasons">
                  {item.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
                <ScheduleFromSuggestion suggestion={item} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
