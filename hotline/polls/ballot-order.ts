/**
 * The order in which options are numbered for people (投票 2, 投第2个): fixed by unit id, so a number read a
 * minute ago still names the same unit after more votes came in (the tally's order changes with every vote).
 * Every channel and the agent number options this way.
 */
export const inBallotOrder = <Option extends { unitId: string }>(options: readonly Option[]): Option[] =>
  [...options].sort((left, right) => (left.unitId < right.unitId ? -1 : left.unitId > right.unitId ? 1 : 0));
