/** Rank-based retrieval measures over the gold source of each question. */
export interface RankedQuestion {
  gold: string;
  ranked: string[];
}

export function retrievalMetrics(results: RankedQuestion[]) {
  let atOne = 0;
  let atFive = 0;
  let reciprocal = 0;
  for (const { gold, ranked } of results) {
    const position = ranked.indexOf(gold);
    if (position === 0) atOne += 1;
    if (position >= 0 && position < 5) atFive += 1;
    if (position >= 0 && position < 10) reciprocal += 1 / (position + 1);
  }
  const count = Math.max(results.length, 1);
  return { recallAt1: atOne / count, recallAt5: atFive / count, mrrAt10: reciprocal / count };
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
