/**
 * How well each unit answers the question: the share of the question's weight (its character pairs, each
 * weighted by how rare it is among the units at hand) the unit contains.
 */
import { stripQuestionWords, textCharacterPairs } from '../../text';
import type { AnswerUnit } from './answer-units';

export interface UnitScoring {
  /**
   * Multiplier for question pairs that are in the passage's title or headings. The question usually
   * repeats the document's subject ("湖南省委办公厅…联合下发通知"); that tells which document, not which
   * of its sentences, answers, and the lead paragraph that restates the title would otherwise win.
   */
  titleWeight: number;
  /** Length normalisation (BM25's b): a long preamble contains many pairs without answering anything. */
  lengthNormalisation: number;
}

export interface ScoredUnit extends AnswerUnit {
  score: number;
}

/**
 * `officialTerms` (the thesaurus' terms for the question's everyday words) count too, at `officialWeight`:
 * 失业金 finds the sentence on 失业保险金.
 */
export function scoreUnits(
  question: string,
  units: AnswerUnit[],
  titles: string[],
  scoring: UnitScoring,
  officialTerms: string[] = [],
  officialWeight = 0.5,
): ScoredUnit[] {
  const ownTerms = new Set(textCharacterPairs(stripQuestionWords(question)));
  const addedTerms = new Set(textCharacterPairs(officialTerms.join(' ')).filter((term) => !ownTerms.has(term)));
  const questionTerms = [...ownTerms, ...addedTerms];
  if (questionTerms.length === 0 || units.length === 0) return units.map((unit) => ({ ...unit, score: 0 }));
  // Weights local to the passages at hand: a pair every sentence shares ("疫情") says nothing about which
  // sentence answers.
  const termSets = units.map((unit) => new Set(textCharacterPairs(unit.text)));
  const rarity = new Map<string, number>();
  for (const term of questionTerms) {
    const frequency = termSets.filter((terms) => terms.has(term)).length;
    rarity.set(term, Math.max(Math.log((units.length + 1) / (frequency + 0.5)), 0));
  }
  const titleTerms = titles.map((title) => new Set(textCharacterPairs(title)));
  const weightsFor = titleTerms.map((inTitle) => {
    const weights = questionTerms.map(
      (term) => rarity.get(term)! * (inTitle.has(term) ? scoring.titleWeight : 1) * (addedTerms.has(term) ? officialWeight : 1),
    );
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return { weights, total: total > 0 ? total : 1 };
  });
  const averageLength = units.reduce((sum, unit) => sum + unit.text.length, 0) / units.length;
  return units.map((unit, index) => {
    const terms = termSets[index]!;
    const { weights, total } = weightsFor[unit.passage]!;
    let matched = 0;
    questionTerms.forEach((term, termIndex) => {
      if (terms.has(term)) matched += weights[termIndex]!;
    });
    const norm = 1 - scoring.lengthNormalisation + (scoring.lengthNormalisation * unit.text.length) / averageLength;
    return { ...unit, score: matched / total / norm };
  });
}
