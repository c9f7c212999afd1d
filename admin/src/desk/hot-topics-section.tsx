import { useState } from 'preact/hooks';
import { requestJson } from '../api';
import { chinaDate, periodStart } from '../format';
import type { HotTopic } from '../types';
import { useLoaded } from '../use-loaded';

const periods = [
  { key: 'month', label: '近一个月' },
  { key: 'quarter', label: '近三个月' },
  { key: 'all', label: '全部' },
] as const;
type Period = (typeof periods)[number]['key'];

function TopicAppeals(props: { appeals: HotTopic['appeals'] }) {
  return (
    <ul class="topic-appeals">
      {props.appeals.map((appeal) => (
        <li key={appeal.id}>
          <p class="appeal-title">
            {appeal.title}
            <span class="appeal-date">{chinaDate(appeal.receivedAt)}</span>
          </p>
          <p class="appeal-excerpt">{appeal.excerpt}…</p>
        </li>
      ))}
    </ul>
  );
}

/** 高频诉求: the unit's topics within its duties as the API ranks them, each with its summary and appeals, newest first. */
export function HotTopicsSection(props: { unitId: string }) {
  const [period, setPeriod] = useState<Period>('quarter');
  const [topics] = useLoaded(() => {
    const from = periodStart(period);
    const query = from ? `?from=${encodeURIComponent(from)}` : '';
    return requestJson<{ items: HotTopic[] }>(`/api/units/${encodeURIComponent(props.unitId)}/hot-topics${query}`).then(
      (result) => result.items,
    );
  }, `${props.unitId}:${period}`);

  return (
    <section class="desk-section hot-topics" aria-labelledby="hot-topics-heading">
      <h2 id="hot-topics-heading">高频诉求</h2>
      <fieldset class="period-filter">
        <legend>时间范围</legend>
        {periods.map((option) => (
          <label key={option.key}>
            <input
              type="radio"
              name="hot-topics-period"
              value={option.key}
              checked={period === option.key}
              onChange={() => setPeriod(option.key)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <div aria-live="polite">
        {topics.status === 'loading' && <p>正在加载…</p>}
        {topics.status === 'failed' && (
          <p class="problem" role="alert">
            {topics.failure.message}
          </p>
        )}
        {topics.status === 'ready' && topics.value.length === 0 && <p>这段时间本单位职责范围内暂无高频诉求。</p>}
      </div>
      {topics.status === 'ready' && topics.value.length > 0 && (
        <ol class="topic-list">
          {topics.value.map((topic) => (
            <li key={topic.topic} class="topic">
              <h3>
                {topic.topic}
                <span class="topic-count">{topic.count}件</span>
              </h3>
              {topic.dutyTopic && topic.dutyTopic !== topic.topic && <p class="topic-duty">属于本单位职责：{topic.dutyTopic}</p>}
              <p class="topic-summary">{topic.summary || '暂无概括'}</p>
              <details>
                <summary>代表性诉求（{topic.appeals.filter((appeal) => appeal.typical).length}件，新的在前）</summary>
                <TopicAppeals appeals={topic.appeals.filter((appeal) => appeal.typical)} />
              </details>
              <details class="all-appeals">
                <summary>全部诉求（{topic.appeals.length}件，新的在前）</summary>
                <TopicAppeals appeals={topic.appeals} />
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
