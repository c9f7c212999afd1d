import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import { useSession } from '../session-context';
import { chinaInputToIso, isoToChinaInput } from './china-input-time';
import type { PreviewItem, UnitItem } from './session-types';

interface Fields {
  unitId: string;
  startsAt: string;
  endsAt: string;
  leaderTitle: string;
  scope: string;
  howToJoin: string;
}

const emptyFields: Fields = { unitId: '', startsAt: '', endsAt: '', leaderTitle: '', scope: '', howToJoin: '' };

const fieldsOf = (preview: PreviewItem): Fields => ({
  unitId: preview.unit.id,
  startsAt: isoToChinaInput(preview.startsAt),
  endsAt: isoToChinaInput(preview.endsAt),
  leaderTitle: preview.leaderTitle,
  scope: preview.scope,
  howToJoin: preview.howToJoin,
});

/** 新建接线预告 / 修改接线预告: a new one is saved as a draft; publishing is a separate, deliberate step. */
export function PreviewForm(props: {
  units: UnitItem[];
  editing: PreviewItem | null;
  onSaved: (preview: PreviewItem) => void;
  onCancel: () => void;
}) {
  const { csrfToken } = useSession();
  const [fields, setFields] = useState<Fields>(props.editing ? fieldsOf(props.editing) : emptyFields);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const idPrefix = props.editing ? 'edit-preview' : 'new-preview';
  // 修改 puts the form beside (or, on a phone, far below) the list: the keyboard goes where the work is.
  useEffect(() => {
    if (props.editing) document.getElementById('edit-preview-unit')?.focus();
  }, []);
  const set = (name: keyof Fields) => (event: Event) =>
    setFields({ ...fields, [name]: (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const startsAt = chinaInputToIso(fields.startsAt);
    const endsAt = chinaInputToIso(fields.endsAt);
    if (!fields.unitId) return setProblem('请选择接线单位。');
    if (!startsAt || !endsAt) return setProblem('请填写开始时间和结束时间。');
    setSaving(true);
    setProblem(null);
    try {
      const body = {
        unitId: fields.unitId,
        startsAt,
        endsAt,
        leaderTitle: fields.leaderTitle,
        scope: fields.scope,
        howToJoin: fields.howToJoin,
      };
      const saved = props.editing
        ? await requestJson<PreviewItem>(`/api/admin/previews/${encodeURIComponent(props.editing.id)}`, {
            method: 'PATCH',
            body,
            csrfToken,
          })
        : await requestJson<PreviewItem>('/api/admin/previews', { method: 'POST', body, csrfToken });
      if (!props.editing) setFields(emptyFields);
      props.onSaved(saved);
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error.message : '保存没有成功，请稍后再试。');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="session-form" onSubmit={submit} aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>{props.editing ? '修改接线预告' : '新建接线预告'}</h2>
      <label for={`${idPrefix}-unit`}>接线单位</label>
      <select id={`${idPrefix}-unit`} value={fields.unitId} onChange={set('unitId')} required>
        <option value="">请选择</option>
        {props.units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
      <label for={`${idPrefix}-starts`}>开始时间（北京时间）</label>
      <input id={`${idPrefix}-starts`} type="datetime-local" value={fields.startsAt} onInput={set('startsAt')} required />
      <label for={`${idPrefix}-ends`}>结束时间（北京时间）</label>
      <input id={`${idPrefix}-ends`} type="datetime-local" value={fields.endsAt} onInput={set('endsAt')} required />
      <label for={`${idPrefix}-leader`}>接线领导职务</label>
      <input id={`${idPrefix}-leader`} value={fields.leaderTitle} onInput={set('leaderTitle')} maxLength={100} required />
      <label for={`${idPrefix}-scope`}>接线范围</label>
      <textarea id={`${idPrefix}-scope`} rows={3} value={fields.scope} onInput={set('scope')} maxLength={2000} required />
      <label for={`${idPrefix}-join`}>参与方式</label>
      <textarea id={`${idPrefix}-join`} rows={3} value={fields.howToJoin} onInput={set('howToJoin')} maxLength={2000} required />
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" disabled={saving}>
          {props.editing ? '保存修改' : '保存为草稿'}
        </button>
        {props.editing && (
          <button type="button" class="quiet-button" onClick={props.onCancel}>
            取消修改
          </button>
        )}
      </div>
    </form>
  );
}
