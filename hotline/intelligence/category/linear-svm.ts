import { createSeededRandom, shuffled } from './seeded-random';
import type { SparseVector } from './tf-idf-vectoriser';

export interface LinearSvmOptions {
  /** L2 regularisation strength. */
  lambda: number;
  epochs: number;
  seed: number;
  /** Positive examples weigh (negatives / positives / 1)^balancing more: 0 = no balancing, 1 = full. */
  balancing: number;
}

export interface LinearSvm {
  weights: Float64Array;
  bias: number;
}

/** Offsets the step size at the start so that the first examples do not throw the weights far off. */
const stepOffset = 1000;
/** The bias is not regularised; a smaller step keeps it from swinging on every mistake. */
const biasStepShare = 0.01;

/**
 * A binary linear SVM (hinge loss, L2) trained by stochastic gradient descent with a Pegasos step size.
 * The weights are kept as scale × vector so that the L2 shrink of every step costs O(1), not O(features).
 */
export function trainLinearSvm(
  vectors: readonly SparseVector[],
  isPositive: readonly boolean[],
  dimension: number,
  options: LinearSvmOptions,
): LinearSvm {
  const vector = new Float64Array(dimension);
  let scale = 1;
  let bias = 0;
  let step = 0;
  const positives = isPositive.filter(Boolean).length;
  const positiveWeight = positives === 0 ? 1 : Math.pow(vectors.length / (2 * positives), options.balancing);
  const random = createSeededRandom(options.seed);
  const order = vectors.map((_, index) => index);

  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const index of shuffled(order, random)) {
      step += 1;
      const rate = 1 / (options.lambda * (step + stepOffset));
      scale *= 1 - rate * options.lambda;
      const { indices, values } = vectors[index];
      const label = isPositive[index] ? 1 : -1;
      let score = 0;
      for (let entry = 0; entry < indices.length; entry += 1) score += vector[indices[entry]] * values[entry];
      score = score * scale + bias;
      if (label * score < 1) {
        const update = rate * label * (isPositive[index] ? positiveWeight : 1);
        for (let entry = 0; entry < indices.length; entry += 1) vector[indices[entry]] += (update * values[entry]) / scale;
        bias += update * biasStepShare;
      }
      if (scale < 1e-6) {
        for (let feature = 0; feature < dimension; feature += 1) vector[feature] *= scale;
        scale = 1;
      }
    }
  }
  for (let feature = 0; feature < dimension; feature += 1) vector[feature] *= scale;
  return { weights: vector, bias };
}
