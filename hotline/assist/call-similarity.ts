import { defaultSimilarityThreshold } from '../intelligence/similar/similar-appeal-index';

/**
 * What a caller says is a sentence or two; a written appeal is a letter. Against letters, a short text scores
 * far lower on the same matter (「电梯坏了一个多月了物业一直不修」 gets 0.12–0.15 from the elevator cases, below the
 * written appeals' 0.26), so short texts get their own threshold, and below the written one a case must also
 * share a taxonomy topic with the call. Both figures are calibrated by `npm run eval:call-similarity` on the
 * labelled call-like texts in hotline/assist/fixtures/call-texts.jsonl (precision and recall in README).
 */
export const callLengthLimit = 300;
export const callSimilarityThreshold = 0.12;

export const isCallLength = (text: string) => [...text.trim()].length <= callLengthLimit;

/** Keeps a hit that clears the written appeals' threshold, or shares a topic with the call. */
export function agreesWithCall(
  hit: { score: number },
  caseTopics: readonly string[] | undefined,
  callTopics: readonly string[],
  writtenThreshold = defaultSimilarityThreshold,
): boolean {
  if (hit.score >= writtenThreshold) return true;
  return (caseTopics ?? []).some((topic) => callTopics.includes(topic));
}
