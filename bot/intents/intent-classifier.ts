import type { Intent } from './intents';
import type { Utterance } from './utterances';

export interface IntentPrediction {
  intent: Intent;
  /** Posterior probability of the intent, 0–1. */
  confidence: number;
}

/** Characters and overlapping pairs and triples: short utterances need sub-word evidence ("投3号", "那霞浦县呢"). */
export function intentFeatures(text: string): string[] {
  const normalised = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\d+/g, '0')
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
  const features: string[] = [];
  for (const word of normalised.split(' ')) {
    const characters = [...word];
    for (let index = 0; index < characters.length; index += 1) {
      features.push(characters[index]!);
      if (index + 1 < characters.length) features.push(characters[index]! + characters[index + 1]!);
      if (index + 2 < characters.length) features.push(characters[index]! + characters[index + 1]! + characters[index + 2]!);
    }
  }
  return features;
}

/**
 * Multinomial naive Bayes over character n-grams, trained in milliseconds from the utterance set at start.
 * Deterministic: the same set gives the same model.
 */
export function trainIntentClassifier(examples: readonly Utterance[], smoothing = 0.3) {
  const counts = new Map<Intent, Map<string, number>>();
  const totals = new Map<Intent, number>();
  const documents = new Map<Intent, number>();
  const vocabulary = new Set<string>();
  for (const { intent, text } of examples) {
    const perIntent = counts.get(intent) ?? new Map<string, number>();
    counts.set(intent, perIntent);
    documents.set(intent, (documents.get(intent) ?? 0) + 1);
    for (const feature of intentFeatures(text)) {
      perIntent.set(feature, (perIntent.get(feature) ?? 0) + 1);
      totals.set(intent, (totals.get(intent) ?? 0) + 1);
      vocabulary.add(feature);
    }
  }
  const labels = [...counts.keys()].sort();
  // Uniform priors: the set's class sizes say how many examples were written, not how often people ask.
  const logPrior = Math.log(1 / labels.length);

  return {
    labels,
    /** The most probable intent, among `allowed` when given. */
    predict(text: string, allowed: readonly Intent[] = labels): IntentPrediction {
      const candidates = labels.filter((label) => allowed.includes(label));
      const features = intentFeatures(text).filter((feature) => vocabulary.has(feature));
      const scores = candidates.map((label) => {
        const perIntent = counts.get(label)!;
        const denominator = Math.log((totals.get(label) ?? 0) + smoothing * vocabulary.size);
        let score = logPrior;
        for (const feature of features) score += Math.log((perIntent.get(feature) ?? 0) + smoothing) - denominator;
        return score;
      });
      const best = Math.max(...scores);
      const exponentials = scores.map((score) => Math.exp(score - best));
      const sum = exponentials.reduce((total, value) => total + value, 0);
      const index = scores.indexOf(best);
      return { intent: candidates[index]!, confidence: exponentials[index]! / sum };
    },
  };
}

export type IntentClassifier = ReturnType<typeof trainIntentClassifier>;
