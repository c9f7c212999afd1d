import { contentHitCap, titleWeight } from './text-terms';

interface Occurrence {
  term: string;
  start: number;
  end: number;
}

function findOccurrences(text: string, terms: Iterable<string>): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const term of terms) {
    let start = text.indexOf(term);
    while (start !== -1) {
      occurrences.push({ term, start, end: start + term.length });
      start = text.indexOf(term, start + term.length);
    }
  }
  return occurrences;
}

/**
 * The occurrences of all known terms in one text, so that a short term can be discounted where it is
 * only part of a longer term of another unit: "医疗" inside "合作医疗", "住房" inside "住房公积金", "养老"
 * inside "养老保险" are not evidence for the health commission, the housing bureau or civil affairs.
 */
export interface TermIndex {
  countFor(vocabulary: ReadonlyMap<string, number>): Map<string, number>;
}

export function indexTerms(text: string, allTerms: Iterable<string>): TermIndex {
  const occurrences = findOccurrences(text, allTerms);
  return {
    countFor(vocabulary) {
      const counts = new Map<string, number>();
      for (const occurrence of occurrences) {
        if (!vocabulary.has(occurrence.term)) continue;
        const insideForeignTerm = occurrences.some(
          (other) =>
            other.end - other.start > occurrence.end - occurrence.start &&
            other.start <= occurrence.start &&
            other.end >= occurrence.end &&
            !vocabulary.has(other.term),
        );
        if (!insideForeignTerm) counts.set(occurrence.term, (counts.get(occurrence.term) ?? 0) + 1);
      }
      return counts;
    },
  };
}

/** Sum of term weights, title hits weighted higher than body hits, body hits capped per term. */
export function scoreVocabulary(
  vocabulary: ReadonlyMap<string, number>,
  titleIndex: TermIndex,
  contentIndex: TermIndex,
): { score: number; titleScore: number } {
  const titleCounts = titleIndex.countFor(vocabulary);
  const contentCounts = contentIndex.countFor(vocabulary);
  let score = 0;
  let titleScore = 0;
  for (const [term, weight] of vocabulary) {
    const titleHits = titleCounts.get(term) ?? 0;
    titleScore += weight * titleHits;
    score += weight * (titleWeight * titleHits + Math.min(contentCounts.get(term) ?? 0, contentHitCap));
  }
  return { score, titleScore };
}
