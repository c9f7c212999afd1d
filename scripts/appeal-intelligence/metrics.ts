export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
  predicted: number;
}

export interface ClassificationReport {
  accuracy: number;
  macroF1: number;
  perClass: ClassScores[];
}

/** Precision, recall and F1 per label, and their unweighted mean (macro-F1), over the given labels. */
export function classificationReport(
  pairs: ReadonlyArray<{ truth: string; predicted: string }>,
  labels: readonly string[],
): ClassificationReport {
  const perClass = labels.map((label) => {
    const truePositives = pairs.filter((pair) => pair.truth === label && pair.predicted === label).length;
    const support = pairs.filter((pair) => pair.truth === label).length;
    const predicted = pairs.filter((pair) => pair.predicted === label).length;
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support, predicted };
  });
  const correct = pairs.filter((pair) => pair.truth === pair.predicted).length;
  return {
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    macroF1: perClass.reduce((sum, scores) => sum + scores.f1, 0) / Math.max(perClass.length, 1),
    perClass,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const fixed = (value: number, digits = 3) => value.toFixed(digits);
