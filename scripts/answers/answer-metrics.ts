/** Answer containment as issue 6 defines it: spaces and punctuation ignored, the gold answer a substring. */
export const normaliseForContainment = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '');

export const containsGold = (answer: string, gold: string) => normaliseForContainment(answer).includes(normaliseForContainment(gold));

/**
 * A stable half of the questions, chosen by id, kept aside while comparing variants so that a variant
 * which only helps the questions it was looked at against shows up as a gap between the halves.
 */
export const isHeldOut = (id: string) => parseInt(id.slice(-1), 16) % 2 === 1;

/** A citizen question (eval:citizen sets): the gold `answer` text sits in `article` of the law `source`. */
export interface CitizenQuestion {
  id: string;
  question: string;
  answer: string;
  source: string;
  article: string;
}
