import { useEffect, useRef, useState } from 'preact/hooks';
import { io } from 'socket.io-client';
import { askXiaoningEvent, type AskXiaoningDetail } from '../../../common/chat-protocol';
import { api, ApiFailure, networkMessage, type CurrentPoll } from '../api';
import { readTally, sharesOf, withTally } from '../column-format';
import type { RememberedVotes } from '../remembered-votes';
import { chinaDateTime } from '../../../common/china-time';
import { useLoaded } from './use-loaded';

const askXiaoning = (question: string) =>
  window.dispatchEvent(new CustomEvent<AskXiaoningDetail>(askXiaoningEvent, { detail: { question } }));

/** 征集投票 of the open poll, or why there is none. */
export function PollSection({ votes }: { votes: RememberedVotes }) {
  const poll = useLoaded(api.currentPoll, 'current');
  return (
    <section class="card" aria-labelledby="poll-heading">
      <h2 id="poll-heading">征集投票</h2>
      {poll.status === 'loading' && <p class="muted">正在加载投票…</p>}
      {poll.status === 'failed' &&
        (poll.failure.status === 404 ? (
          <p class="empty">目前没有正在进行的投票。新一期投票开始后会在这里公布，欢迎到时参与。</p>
        ) : (
          <p class="error" role="alert">
            投票暂时没有加载出来：{poll.failure.message}
          </p>
        ))}
      {poll.status === 'ready' && <OpenPoll poll={poll.value} votes={votes} />}
    </section>
  );
}

function OpenPoll({ poll, votes }: { poll: CurrentPoll; votes: RememberedVotes }) {
  const [options, setOptions] = useState(poll.options);
  const [voted, setVoted] = useState(() => votes.get(poll.id));
  const [sending, setSending] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const votedNotice = useRef<HTMLParagraphElement>(null);

  // The live tally: every accepted vote, from any visitor or channel, arrives within a moment.
  useEffect(() => {
    const socket = io('/polls', { withCredentials: true });
    socket.on('tally', (payload: unknown) => {
      const tally = readTally(payload);
      if (tally && tally.pollId === poll.id) setOptions((shown) => withTally(shown, tally.options));
    });
    return () => {
      socket.close();
    };
  }, [poll.id]);

  const vote = async (unitId: string) => {
    setSending(unitId);
    setError(undefined);
    try {
      const result = await api.vote(poll.id, unitId);
      setOptions((shown) => withTally(shown, result.tally.options));
      const remembered = { unitId, suggestions: result.suggestions.slice(0, 4) };
      votes.set(poll.id, remembered);
      setVoted(remembered);
      // The button pressed is gone: keep keyboard and screen-reader users where the result is.
      requestAnimationFrame(() => votedNotice.current?.focus());
    } catch (caught) {
      const failure = caught instanceof ApiFailure ? caught : undefined;
      if (failure?.status === 409 && failure.message.includes('已参与')) {
        const remembered = { unitId: undefined, suggestions: [] };
        votes.set(poll.id, remembered);
        setVoted(remembered);
      }
      setError(failure?.message ?? networkMessage);
    } finally {
      setSending(undefined);
    }
  };

  const shares = sharesOf(options.map((option) => option.votes));
  const total = options.reduce((sum, option) => sum + option.votes, 0);
  const votedUnit = options.find((option) => option.unitId === voted?.unitId);

  return (
    <div class="poll">
      <p class="poll-title">{poll.title}</p>
      <p class="muted">
        投票截止：{chinaDateTime(new Date(poll.closesAt))} · 已有 {total} 人投票 · 每人每期限投一票
      </p>
      <ol class="poll-options">
        {options.map((option, index) => (
          <li key={option.unitId} class={option.unitId === voted?.unitId ? 'poll-option chosen' : 'poll-option'}>
            <div class="option-line">
              <span class="option-name">{option.unitName}</span>
              <span class="option-count">
                {option.votes} 票（{shares[index]}%）
              </span>
            </div>
            <progress class="option-bar" max={100} value={shares[index]} aria-hidden="true" />
            {!voted && (
              <button type="button" class="vote-button" disabled={sending !== undefined} onClick={() => void vote(option.unitId)}>
                {sending === option.unitId ? '正在投票…' : '投票'}
                <span class="visually-hidden">给{option.unitName}</span>
              </button>
            )}
            {option.unitId === voted?.unitId && <span class="chosen-mark">您投了这一项</span>}
          </li>
        ))}
      </ol>
      {voted && (
        <p class="voted" role="status" tabIndex={-1} ref={votedNotice}>
          已投票{votedUnit ? `：您投给了${votedUnit.unitName}` : ''}。感谢参与！票数会实时更新。
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {voted && votedUnit && voted.suggestions.length > 0 && (
        <div class="guidance" role="group" aria-labelledby="guidance-heading">
          <h3 id="guidance-heading">关于{votedUnit.unitName}，您可以先问问小宁</h3>
          <ul>
            {voted.suggestions.map((question) => (
              <li key={question}>
                <button type="button" class="ask-button" onClick={() => askXiaoning(question)}>
                  {question}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
