/**
 * Overlapping pairs of characters. They match where word segmentation differs between two texts
 * ("公积金贷款" / "公积金 / 贷款", "物业公司" / "物业管理公司", a miswritten character) and need no dictionary.
 */
export function characterPairs(word: string): string[] {
  const characters = [...word];
  if (characters.length < 2) return characters;
  const pairs: string[] = [];
  for (let index = 0; index + 1 < characters.length; index += 1) pairs.push(characters[index]! + characters[index + 1]!);
  return pairs;
}

/** Counts of the character pairs of the Chinese runs of a text, each weighted, added to `into`. */
export function characterPairCounts(text: string, weight = 1, into: Map<string, number> = new Map()): Map<string, number> {
  for (const run of text.split(/[^\u4e00-\u9fff]+/u)) {
    if (run.length < 2) continue;
    for (const pair of characterPairs(run)) into.set(pair, (into.get(pair) ?? 0) + weight);
  }
  return into;
}
