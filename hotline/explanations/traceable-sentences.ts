import { splitSentences } from '../../text';

/** Character pairs of a text, punctuation and spaces left out (they carry no claim). */
function pairsOf(text: string): string[] {
  const characters = [...text.replace(/[\s\p{P}\p{S}\d]/gu, '')];
  return characters.slice(1).map((character, index) => `${characters[index]}${character}`);
}

/** Share of a sentence's character pairs that occur in the source: 1 when every pair is the source's words. */
export function supportOf(sentence: string, source: string): number {
  const pairs = pairsOf(sentence);
  if (pairs.length === 0) return 0;
  const sourcePairs = new Set(pairsOf(source));
  return pairs.filter((pair) => sourcePairs.has(pair)).length / pairs.length;
}

/**
 * A generated sentence counts as traceable when most of its wording is the cited source's own (a paraphrase
 * that keeps the facts keeps their words: 30日内, 住建局, 维修资金). The threshold is generous to plain
 * connecting words and strict enough to drop a sentence that brings facts of its own.
 */
export const traceableSupport = 0.6;

/** The source's sentence a generated sentence rests on most: shown as its quote. */
export function closestSentence(sentence: string, source: string): string {
  const candidates = splitSentences(source.replace(/[\u3000\s]+/gu, ' '));
  let best = candidates[0] ?? source;
  let bestSupport = -1;
  for (const candidate of candidates) {
    const support = supportOf(sentence, candidate);
    if (support > bestSupport) {
      best = candidate;
      bestSupport = support;
    }
  }
  return best.trim();
}
