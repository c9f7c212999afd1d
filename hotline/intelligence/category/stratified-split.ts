import { createSeededRandom, shuffled } from './seeded-random';

export interface Split<T> {
  train: T[];
  test: T[];
}

/**
 * Holds out `testShare` of every label, so that small categories are represented in the test part in
 * the same proportion as in the whole. Labels are visited in code-point order and shuffled with one
 * seeded generator, so a seed names one split for good.
 */
export function stratifiedSplit<T>(items: readonly T[], labelOf: (item: T) => string, testShare: number, seed: number): Split<T> {
  const byLabel = new Map<string, T[]>();
  for (const item of items) {
    const label = labelOf(item);
    const group = byLabel.get(label);
    if (group) group.push(item);
    else byLabel.set(label, [item]);
  }
  const random = createSeededRandom(seed);
  const split: Split<T> = { train: [], test: [] };
  for (const label of [...byLabel.keys()].sort(compareCodePoints)) {
    const group = shuffled(byLabel.get(label)!, random);
    const testCount = Math.round(group.length * testShare);
    split.test.push(...group.slice(0, testCount));
    split.train.push(...group.slice(testCount));
  }
  return split;
}

export function compareCodePoints(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
