import { useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import { useSession } from '../session-context';
import { chinaDaysAhead, chinaInputToIso, isoToChinaInput } from './china-input-time';
import type { PollItem, UnitItem } from './session-types';

/** 新建投票: a title, the candidate units and the window; saved as a draft until 开始投票. */
export function PollForm(props: { units: UnitItem[]; onCreated: (poll: PollItem) => void }) {
  const { csrfToken } = useSession();
  const [title, setTitle] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [opensAt, setOpensAt] = useState(() => isoToChinaInput(new Date()));
  const [closesAt, setClosesAt] = useState(() => chinaDaysAhead(14, '18:00'));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const toggle = (unitId: string, checked: boolean) =>
    setUnitIds((previous) => (checked ? [...previous, unitId] : previous.filter((id) => id !== unitId)));

  const submit = async (event: Event) => {
    event.preventDefault();
    const opens = chinaInputToIso(opensAt);
    const closes = chinaInputToIso(closesAt);
    if (unitIds.length < 2) return setProblem('请至少选择两个候选单位。');
    if (!opens || !closes) return setProblem('请填写开始时间和截止时间。');
    setSaving(true);
    setProblem(null);
    try {
      const created = await requestJson<PollItem>('/api/admin/polls', {
        method: 'POST',
        body: { title, unitIds, opensAt: opens, closesAt: closes },
        csrfToken,
      });
      setTitle('');
      setUnitIds([]);
      props.onCreated(created);
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : '创建没有成功，请稍后再试。');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="session-form" onSubmit={submit} aria-labelledby="new-poll-heading">
      <h2 id="new-poll-heading">新建投票</h2>
      <label for="poll-title">投票标题</label>
      <input
        id="poll-title"
        value={title}
        onInput={(event) => setTitle((event.target as HTMLInputElement).value)}
        maxLength={200}
        required
      />
      <fieldset class="unit-choices">
        <legend>候选单位（已选 {unitIds.length} 个）</legend>
        {props.units.map((unit) => (
          <label key={unit.id}>
            <input
              type="checkbox"
              checked={unitIds.includes(unit.id)}
              onChange={(event) => toggle(unit.id, (event.target as HTMLInputElement).checked)}
            />
            {unit.name}
          </label>
        ))}
      </fieldset>
      <label for="poll-opens">开始时间（北京时间）</label>
      <input
        id="poll-opens"
        type="datetime-local"
        value={opensAt}
        onInput={(event) => setOpensAt((event.target as HTMLInputElement).value)}
        required
      />
      <label for="poll-closes">截止时间（北京时间）</label>
      <input
        id="poll-closes"
        type="datetime-local"
        value={closesAt}
        onInput={(event) => setClosesAt((event.target as HTMLInputElement).value)}
        required
      />
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" disabled={saving}>
          创建投票
        </button>
      </div>
    </form>
  );
}
