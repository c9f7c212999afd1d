import { useState } from 'preact/hooks';
import { requestJson } from '../api';
import { AdminPageFrame, Outcome, messageOf } from '../records/admin-page-frame';
import { useSession } from '../session-context';
import { useLoaded } from '../use-loaded';

interface UnitRecord {
  id: string;
  name: string;
  aliases: string[];
  kind: 'municipal' | 'county';
  duties: string;
  dutyTopics: string[];
}

const wordsOf = (text: string) =>
  text
    .split(/[、，,；;\n]/u)
    .map((word) => word.trim())
    .filter(Boolean);

function UnitForm(props: { unit: UnitRecord; onSaved: (unit: UnitRecord) => void }) {
  const { csrfToken } = useSession();
  const [duties, setDuties] = useState(props.unit.duties);
  const [topics, setTopics] = useState(props.unit.dutyTopics.join('、'));
  const [aliases, setAliases] = useState(props.unit.aliases.join('、'));
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    try {
      const saved = await requestJson<UnitRecord>(`/api/admin/units/${encodeURIComponent(props.unit.id)}`, {
        method: 'PATCH',
        csrfToken,
        body: { duties, dutyTopics: wordsOf(topics), aliases: wordsOf(aliases) },
      });
      setDone('已保存。热点诉求和小宁识别单位立即按新的职责和别名。');
      props.onSaved(saved);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  return (
    <form class="form-grid" onSubmit={save}>
      <label>
        职责
        <textarea rows={5} value={duties} onInput={(event) => setDuties(event.currentTarget.value)} />
      </label>
      <label>
        职责主题（用顿号分隔）
        <textarea rows={2} value={topics} onInput={(event) => setTopics(event.currentTarget.value)} />
      </label>
      <label>
        别名（用顿号分隔）
        <input value={aliases} onInput={(event) => setAliases(event.currentTarget.value)} />
      </label>
      <div class="button-row">
        <button type="submit">保存职责</button>
      </div>
      <Outcome problem={problem} done={done} />
    </form>
  );
}

/** 单位职责: a unit's duties, duty topics and aliases, which hot topics and Xiaoning's routing read at once. */
export function UnitsAdminPage() {
  const [units] = useLoaded(() => requestJson<{ items: UnitRecord[] }>('/api/units').then((result) => result.items), 'units');
  // Units saved on this page, as the server returned them (the list is not read again, so the form and its message stay).
  const [saved, setSaved] = useState<Record<string, UnitRecord>>({});
  const [selected, setSelected] = useState('');
  const unit = saved[selected] ?? (units.status === 'ready' ? units.value.find((each) => each.id === selected) : undefined);
  return (
    <AdminPageFrame heading="单位职责">
      <section class="records-section" aria-labelledby="unit-heading">
        <h2 id="unit-heading">{unit ? unit.name : '选择单位'}</h2>
        {units.status === 'failed' && (
          <p class="problem" role="alert">
            {units.failure.message}
          </p>
        )}
        <div class="filters">
          <label for="unit-choice">单位</label>
          <select id="unit-choice" value={selected} onChange={(event) => setSelected(event.currentTarget.value)}>
            <option value="">请选择</option>
            {units.status === 'ready' &&
              units.value.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.name}
                </option>
              ))}
          </select>
        </div>
        {unit && <UnitForm key={unit.id} unit={unit} onSaved={(record) => setSaved({ ...saved, [record.id]: record })} />}
      </section>
    </AdminPageFrame>
  );
}
