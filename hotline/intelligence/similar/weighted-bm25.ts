import { createBm25Postings, defaultBm25Parameters, type Bm25Parameters } from '../../../text';

/**
 * Okapi BM25 over term counts, with the one thing a similarity threshold needs and a plain search index
 * lacks: the score a text would get against itself, so that a score can be read as a share of a perfect
 * match (0–1) whatever the length of the query.
 */
export function createWeightedBm25(parameters: Bm25Parameters = defaultBm25Parameters) {
  const postings = createBm25Postings(parameters);

  return {
    add: postings.add,
    remove: postings.remove,
    get size() {
      return postings.size;
    },
    /** Scores of every indexed text sharing a term with the query, and the query's score against itself. */
    score(query: ReadonlyMap<string, number>): { scores: Map<string, number>; selfScore: number } {
      const scores = new Map<string, number>();
      if (postings.size === 0) return { scores, selfScore: 0 };
      const averageLength = postings.averageLength();
      let queryLength = 0;
      for (const count of query.values()) queryLength += count;
      let selfScore = 0;
      for (const [term, queryCount] of query) {
        const weight = postings.inverseFrequency(term);
        selfScore += postings.termScore(weight, queryCount, queryLength, averageLength);
        const documents = postings.documentsWith(term);
        if (!documents) continue;
        for (const [id, count] of documents)
          scores.set(id, (scores.get(id) ?? 0) + postings.termScore(weight, count, postings.lengthOf(id), averageLength));
      }
      return { scores, selfScore };
    },
  };
}
