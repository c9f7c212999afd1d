import { useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import { chinaDateTime } from '../format';
import { useSession } from '../session-context';
import type { Outcome } from './outcome-message';
import type { PollItem } from './session-types';
import type { LiveTally } from './use-live-tallies';

const statusNames = { draft: '草稿', open: '进行中', closed: '已结束' } as const;

/** The options with the latest numbers: the live tally once one arrived, the loaded one before. */
export function withLiveVotes(poll: PollItem, live: LiveTally | undefined) {
  const votesOf = new Map(live?.options.map((option) => [option.unitId, option.votes]));
  const options = poll.options
    .map((option) => ({ ...option, votes: votesOf.get(option.unitId) ?? option.votes }))
    .sort((left, right) => right.votes - left.votes);
  return { options, total: options.reduce((sum, option) => sum + option.votes, 0) };
}

/** One poll: its window and status, 开始投票 / 结束投票, and the tally table that follows the votes live. */
export function PollCard(props: {
  poll: PollItem;
  live: LiveTally | undefined;
  onChanged: () => void;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { csrfToken } = useSession();
  const { poll } = props;
  const [busy, setBusy] = useState(false);
  const { options, total } = withLiveVotes(poll, props.live);
  const headingId = `poll-${poll.id}`;

  const act = async (action: 'open' | 'close') => {
    setBusy(true);
    try {
      await requestJson<PollItem>(`/api/admin/polls/${encodeURIComponent(poll.id)}/${action}`, { method: 'POST', csrfToken });
      props.onOutcome({ ok: true, message: action === 'open' ? `已开始投票：${poll.title}` : `已结束投票：${poll.title}` });
      props.onChanged();
    } catch (error) {
      props.onOutcome({ ok: false, message: error instanceof ApiFailure ? error.message : '操作没有成功，请稍后再试。' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="session-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {poll.title}
        <span class={`state ${poll.status}`}>{statusNames[poll.status]}</span>
      </h3>
      <p class="item-meta">
        {chinaDateTime(poll.opensAt)} 至 {chinaDateTime(poll.closesAt)} · 共 {total} 票
      </p>
      <table class="figure-table tally-table">
        <caption>{poll.title}的票数</caption>
        <thead>
          <tr>
            <th scope="col">候选单位</th>
            <th scope="col">票数</th>
            <th scope="col">占比</th>
          </tr>
        </thead>
        <tbody>
          {options.map((option) => (
            <tr key={option.unitId}>
              <th scope="row">{option.unitName}</th>
              <td>{option.votes}</td>
              <td>{total === 0 ? '—' : `${((option.votes / total) * 100).toFixed(1)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="item-actions">
        {poll.status !== 'open' && (
          <button type="button" onClick={() => act('open')} disabled={busy}>
            {poll.status === 'closed' ? '重新开始投票' : '开始投票'}
          </button>
        )}
        {poll.status === 'open' && (
          <button type="button" onClick={() => act('close')} disabled={busy}>
            结束投票
          </button>
        )}
      </div>
    </li>
  );
}
