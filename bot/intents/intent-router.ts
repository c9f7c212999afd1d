import { trainIntentClassifier, type IntentPrediction } from './intent-classifier';
import { intentFromCues } from './intent-cues';
import type { Intent } from './intents';
import { readUtterances, type Utterance } from './utterances';

/**
 * Without one of the cues, a message is a policy question or out of scope: the other intents are asked
 * with their own words (投票, 接线, 统计, 以前有人反映…), so the classifier chooses between these two only.
 */
const withoutCue: readonly Intent[] = ['search_policies', 'out_of_domain'];

export function createIntentRouter(utterances: readonly Utterance[] = readUtterances()) {
  const classifier = trainIntentClassifier(utterances);
  return {
    route(text: string): IntentPrediction & { byCue: boolean } {
      const cue = intentFromCues(text);
      if (cue) return { intent: cue, confidence: 1, byCue: true };
      return { ...classifier.predict(text, withoutCue), byCue: false };
    },
  };
}

export type IntentRouter = ReturnType<typeof createIntentRouter>;
