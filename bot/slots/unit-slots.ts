export interface NamedUnit {
  id: string;
  name: string;
  aliases: string[];
}

/**
 * The unit a message names, by its full name or an alias (住建局, 霞浦): the longest match wins, so
 * "住房公积金中心" is not taken for a shorter alias inside it.
 */
export function createUnitFinder(units: readonly NamedUnit[]) {
  const names = units
    .flatMap((unit) => [unit.name, ...unit.aliases].map((name) => ({ name, unit })))
    .filter(({ name }) => name.length >= 2)
    .sort((left, right) => right.name.length - left.name.length);
  return {
    find(text: string): NamedUnit | undefined {
      return names.find(({ name }) => text.includes(name))?.unit;
    },
  };
}

export type UnitFinder = ReturnType<typeof createUnitFinder>;
