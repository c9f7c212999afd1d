import { useState } from 'preact/hooks';
import type { AppealListItem } from '../appeals-api';
import { dayLabel } from './calendar-month';
import { ExplanationPanel } from './explanation-panel';

/** One appeal in 往期回顾: title, session date, unit, category, status; the reply excerpt and AI详解 once published. */
function AppealCard({ appeal }: { appeal: AppealListItem }) {
  const [explaining, setExplaining] = useState(false);
  const panelId = `explanation-${appeal.id}`;
  return (
    <li class="appeal-item">
      <article aria-labelledby={`appeal-${appeal.id}`}>
        <h3 id={`appeal-${appeal.id}`}>
          <a href={`/appeals/${encodeURIComponent(appeal.id)}`}>{appeal.title}</a>
        </h3>
        <p class="appeal-meta">
          {appeal.sessionDate && <span>接线日期：{dayLabel(appeal.sessionDate)}</span>}
          {appeal.unit && <span>单位：{appeal.unit.name}</span>}
          {appeal.category && <span>类别：{appeal.category}</span>}
        </p>
        <p class="appeal-status">
          办理状态：<span class={appeal.hasReply ? 'status done' : 'status'}>{appeal.status}</span>
        </p>
        {appeal.hasReply && appeal.replyExcerpt && (
          <p class="reply-excerpt">
            <span class="reply-label">答复：</span>
            {appeal.replyExcerpt}
          </p>
        )}
        {appeal.hasReply && (
          <button
            type="button"
            class="explain-button"
            aria-expanded={explaining}
            aria-controls={explaining ? panelId : undefined}
            onClick={() => setExplaining(!explaining)}
          >
            AI详解
            <span class="visually-hidden">：{appeal.title}</span>
          </button>
        )}
        {explaining && <ExplanationPanel appealId={appeal.id} id={panelId} />}
      </article>
    </li>
  );
}

export function AppealList({ appeals }: { appeals: AppealListItem[] }) {
  return (
    <ol class="appeal-list">
      {appeals.map((appeal) => (
        <AppealCard key={appeal.id} appeal={appeal} />
      ))}
    </ol>
  );
}
