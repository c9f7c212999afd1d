import type { Tokenizer } from '../../../text';
import { createCategoryFeatureExtractor, type CategoryFeatureInput } from './category-features';
import { decodeWeightRow, type CategoryModel } from './category-model';
import { createTfIdfVectoriser } from './tf-idf-vectoriser';
import { softmax } from './train-category-model';

export interface CategoryPrediction {
  /** Always one of the column's categories. */
  category: string;
  /** The calibrated probability of `category`, 0–1. */
  confidence: number;
  /** Every class the model knows, best first. */
  ranking: Array<{ category: string; probability: number }>;
}

export interface CategoryClassifierDependencies {
  model: CategoryModel;
  tokenizer: Tokenizer;
}

export function createCategoryClassifier({ model, tokenizer }: CategoryClassifierDependencies) {
  const extract = createCategoryFeatureExtractor(tokenizer, model.features);
  const vectorise = createTfIdfVectoriser(model.vocabulary, model.inverseDocumentFrequency);
  const dimension = model.vocabulary.length;
  const weights = model.weights.rows.map((row, index) => decodeWeightRow(row, model.weights.scales[index], dimension));

  const classifyCategory = (input: string | CategoryFeatureInput): CategoryPrediction => {
    const vector = vectorise(extract(typeof input === 'string' ? { content: input } : input));
    const scores = weights.map((row, classIndex) => {
      let score = model.bias[classIndex];
      for (let entry = 0; entry < vector.indices.length; entry += 1) score += row[vector.indices[entry]] * vector.values[entry];
      return score;
    });
    const probabilities = softmax(scores, model.calibration.temperature);
    const ranking = model.classes
      .map((category, index) => ({ category, probability: probabilities[index] }))
      .sort((left, right) => right.probability - left.probability);
    return { category: ranking[0].category, confidence: ranking[0].probability, ranking };
  };

  return { classifyCategory, version: model.version, categories: model.categories };
}

export type CategoryClassifier = ReturnType<typeof createCategoryClassifier>;
