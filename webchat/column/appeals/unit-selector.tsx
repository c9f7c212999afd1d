import { useState } from 'preact/hooks';
import type { Unit } from '../appeals-api';
import { groupedUnits, unitsMatching } from './unit-filter';

export interface UnitSelectorProps {
  units: Unit[];
  /** The chosen unit's id, '' for all units. */
  value: string;
  onChange: (unitId: string) => void;
  /** Distinguishes two selectors on one page. */
  idPrefix: string;
  allLabel?: string;
}

/**
 * 选择单位: a native select grouped 市直部门 / 县（市、区） (keyboard and screen readers know it), and a search box
 * that narrows it by name or alias; Enter in the box chooses the first unit found.
 */
export function UnitSelector({ units, value, onChange, idPrefix, allLabel = '全部单位' }: UnitSelectorProps) {
  const [typed, setTyped] = useState('');
  const matching = unitsMatching(units, typed);
  const shown =
    value && !matching.some((unit) => unit.id === value) ? [...matching, ...units.filter((unit) => unit.id === value)] : matching;
  return (
    <div class="unit-selector">
      <div class="field">
        <label for={`${idPrefix}-search`}>查找单位</label>
        <input
          id={`${idPrefix}-search`}
          type="search"
          value={typed}
          placeholder="输入单位名称或简称，如：霞浦、住建局"
          aria-describedby={`${idPrefix}-found`}
          onInput={(event) => setTyped(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && matching[0]) {
              event.preventDefault();
              onChange(matching[0].id);
            }
          }}
        />
        <p id={`${idPrefix}-found`} class="hint" aria-live="polite">
          {typed.trim() === ''
            ? ''
            : matching.length === 0
              ? '没有找到这个单位，请换个说法。'
              : `找到 ${matching.length} 个单位，按回车选第一个。`}
        </p>
      </div>
      <div class="field">
        <label for={`${idPrefix}-unit`}>选择单位</label>
        <select id={`${idPrefix}-unit`} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
          <option value="">{allLabel}</option>
          {groupedUnits(shown).map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
}
