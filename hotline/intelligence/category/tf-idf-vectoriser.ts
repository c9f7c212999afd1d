import type { FeatureCounts } from './category-features';

/** A sparse vector: feature indices in ascending order and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Sublinear TF-IDF, L2-normalised: a long appeal that repeats a word twenty times should not outweigh a
 * short one that names its subject once, and length alone should not move the score.
 */
export function createTfIdfVectoriser(vocabulary: readonly string[], inverseDocumentFrequency: ArrayLike<number>) {
  const indexOf = new Map<string, number>();
  vocabulary.forEach((feature, index) => indexOf.set(feature, index));

  return (counts: FeatureCounts): SparseVector => {
    const entries: Array<[number, number]> = [];
    for (const [feature, count] of counts) {
      const index = indexOf.get(feature);
      if (index !== undefined) entries.push([index, (1 + Math.log(count)) * inverseDocumentFrequency[index]]);
    }
    entries.sort((left, right) => left[0] - right[0]);
    const norm = Math.sqrt(entries.reduce((sum, [, value]) => sum + value * value, 0)) || 1;
    return {
      indices: Int32Array.from(entries, ([index]) => index),
      values: Float64Array.from(entries, ([, value]) => value / norm),
    };
  };
}

export type TfIdfVectoriser = ReturnType<typeof createTfIdfVectoriser>;

/** Smoothed IDF (as scikit-learn computes it), rounded so that the stored model and the trained one agree. */
export function inverseDocumentFrequencyOf(documentFrequency: number, documentCount: number): number {
  return Math.round((Math.log((1 + documentCount) / (1 + documentFrequency)) + 1) * 10000) / 10000;
}
