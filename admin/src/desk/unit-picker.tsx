import type { UnitSummary } from '../types';

/** For administrators: which unit's desk to look at. */
export function UnitPicker(props: { units: UnitSummary[]; selected: string | undefined; onPick: (unitId: string) => void }) {
  return (
    <div class="unit-picker">
      <label for="desk-unit">选择单位</label>
      <select id="desk-unit" value={props.selected ?? ''} onChange={(event) => props.onPick((event.target as HTMLSelectElement).value)}>
        <option value="" disabled>
          请选择
        </option>
        {props.units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
    </div>
  );
}
