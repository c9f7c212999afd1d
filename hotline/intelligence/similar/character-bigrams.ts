/**
 * Character bigrams of the Chinese runs of a text. They match where word segmentation differs between
 * two texts ("物业公司" / "物业管理公司", a miswritten character) and need no dictionary.
 */
export function characterBigramCounts(text: string, weight = 1, into: Map<string, number> = new Map()): Map<string, number> {
  for (const run of text.split(/[^\u4e00-\u9fff]+/u)) {
    for (let start = 0; start + 2 <= run.length; start += 1) {
      const bigram = run.slice(start, start + 2);
      into.set(bigram, (into.get(bigram) ?? 0) + weight);
    }
  }
  return into;
}
