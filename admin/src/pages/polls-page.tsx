import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api';
import { ConsoleHeader } from '../desk/console-header';
import { AdminOnly } from '../sessions/admin-only';
import { NextUnitSection } from '../sessions/next-unit-section';
import { OutcomeMessage, type Outcome } from '../sessions/outcome-message';
import { PollCard, withLiveVotes } from '../sessions/poll-card';
import { PollForm } from '../sessions/poll-form';
import type { PollItem, UnitItem } from '../sessions/session-types';
import { useLiveTallies } from '../sessions/use-live-tallies';
import '../sessions/sessions.css';
import { useLoaded } from '../use-loaded';

function PollsPanel() {
  const [round, setRound] = useState(0);
  const [units] = useLoaded(() => requestJson<{ items: UnitItem[] }>('/api/units').then((result) => result.items), 'units');
  const [polls] = useLoaded(() => requestJson<{ items: PollItem[] }>('/api/admin/polls').then((result) => result.items), `polls:${round}`);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [suggestionPoll, setSuggestionPoll] = useState('');
  const { tallies, connected } = useLiveTallies();
  const reload = () => setRound((value) => value + 1);

  useEffect(() => {
    document.title = '征集投票 · 宁德12345领导接线工作台';
  }, []);

  const list = polls.status === 'ready' ? polls.value : [];
  // 下期建议 follows the votes: its key changes with every live total (whichever poll it is about).
  const liveTotals = list.map((poll) => withLiveVotes(poll, tallies.get(poll.id)).total).join(',');

  return (
    <main id="main" class="page" tabIndex={-1}>
      <h1>征集投票</h1>
      <OutcomeMessage outcome={outcome} />
      <div class="desk-grid">
        <section class="desk-section" aria-labelledby="poll-list-heading">
          <h2 id="poll-list-heading">全部投票</h2>
          <p class="live-state">{connected ? '票数实时更新中' : '正在连接实时票数…'}</p>
          {polls.status === 'loading' && <p aria-live="polite">正在加载…</p>}
          {polls.status === 'failed' && (
            <p class="problem" role="alert">
              {polls.failure.message}
            </p>
          )}
          {polls.status === 'ready' && list.length === 0 && <p>还没有投票。</p>}
          <ul class="session-list">
            {list.map((poll) => (
              <PollCard key={poll.id} poll={poll} live={tallies.get(poll.id)} onChanged={reload} onOutcome={setOutcome} />
            ))}
          </ul>
        </section>
        <div class="side-column">
          <section class="desk-section">
            {units.status === 'ready' && (
              <PollForm
                units={units.value}
                onCreated={(poll) => {
                  setOutcome({ ok: true, message: `已创建投票（草稿）：${poll.title}。检查无误后请点“开始投票”。` });
                  reload();
                }}
              />
            )}
          </section>
        </div>
      </div>
      <div class="suggestion-poll">
        <label for="suggestion-poll">下期建议依据的投票</label>
        <select
          id="suggestion-poll"
          value={suggestionPoll}
          onChange={(event) => setSuggestionPoll((event.target as HTMLSelectElement).value)}
        >
          <option value="">正在进行的投票（没有则为最近一期）</option>
          {list
            .filter((poll) => poll.status !== 'draft')
            .map((poll) => (
              <option key={poll.id} value={poll.id}>
                {poll.title}
              </option>
            ))}
        </select>
      </div>
      <NextUnitSection pollId={suggestionPoll || undefined} refreshKey={`${round}:${liveTotals}`} />
    </main>
  );
}

/** 征集投票 (DESIGN.md §8): create polls from the units, open and close them, live tallies, 下期建议. */
export function PollsPage() {
  return (
    <>
      <ConsoleHeader />
      <AdminOnly>
        <PollsPanel />
      </AdminOnly>
    </>
  );
}
