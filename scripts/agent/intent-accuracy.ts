import { createIntentRouter } from '../../bot/intents/intent-router';
import type { Utterance } from '../../bot/intents/utterances';
import type { UnitFinder } from '../../bot/slots/unit-slots';

export interface IntentScore {
  correct: number;
  total: number;
  confusions: Map<string, number>;
  perIntent: Map<string, { correct: number; total: number }>;
}

function score(router: ReturnType<typeof createIntentRouter>, examples: readonly Utterance[], into: IntentScore) {
  for (const { intent, text } of examples) {
    const predicted = router.route(text).intent;
    into.total += 1;
    const perIntent = into.perIntent.get(intent) ?? { correct: 0, total: 0 };
    into.perIntent.set(intent, perIntent);
    perIntent.total += 1;
    if (predicted === intent) {
      into.correct += 1;
      perIntent.correct += 1;
    } else {
      const key = `${intent} → ${predicted}`;
      into.confusions.set(key, (into.confusions.get(key) ?? 0) + 1);
    }
  }
  return into;
}

const emptyScore = (): IntentScore => ({ correct: 0, total: 0, confusions: new Map(), perIntent: new Map() });

/** k-fold cross-validation: every utterance is routed by a router that never saw it. */
export function crossValidatedIntentAccuracy(utterances: readonly Utterance[], folds = 5): IntentScore {
  const result = emptyScore();
  for (let fold = 0; fold < folds; fold += 1) {
    const training = utterances.filter((_, index) => index % folds !== fold);
    const testing = utterances.filter((_, index) => index % folds === fold);
    score(createIntentRouter(training), testing, result);
  }
  return result;
}

/** Accuracy on a separate labelled set, routed by the router trained on the whole utterance set (with the units, as the agent routes). */
export const intentAccuracyOn = (utterances: readonly Utterance[], testing: readonly Utterance[], units?: UnitFinder) =>
  score(createIntentRouter(utterances, { units }), testing, emptyScore());
