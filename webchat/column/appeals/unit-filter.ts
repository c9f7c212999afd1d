import type { Unit } from '../appeals-api';

/** The units whose name or an alias (霞浦, 住建局, 卫健委) contains the words typed; all when nothing is typed. */
export function unitsMatching(units: Unit[], typed: string): Unit[] {
  const words = typed.trim().replace(/\s+/g, '');
  if (words === '') return units;
  return units.filter((unit) => [unit.name, unit.id, ...unit.aliases].some((name) => name.includes(words)));
}

/** The two groups of §8's selector, in the order people look for them. */
export function groupedUnits(units: Unit[]): { label: string; units: Unit[] }[] {
  return [
    { label: '市直部门', units: units.filter((unit) => unit.kind === 'municipal') },
    { label: '县（市、区）', units: units.filter((unit) => unit.kind === 'county') },
  ].filter((group) => group.units.length > 0);
}
