/**
 * Okapi BM25 over term counts, with the one thing a similarity threshold needs and a plain search index
 * lacks: the score a text would get against itself, so that a score can be read as a share of a perfect
 * match (0–1) whatever the length of the query.
 */
export interface Bm25Parameters {
  k1: number;
  b: number;
}

export function createWeightedBm25(parameters: Bm25Parameters = { k1: 1.2, b: 0.75 }) {
  const { k1, b } = parameters;
  const postings = new Map<string, Map<string, number>>();
  const lengths = new Map<string, number>();
  let totalLength = 0;

  const inverseFrequency = (term: string) => {
    const documentCount = lengths.size;
    const frequency = postings.get(term)?.size ?? 0;
    return Math.log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5));
  };
  const termScore = (weight: number, count: number, length: number, averageLength: number) =>
    (weight * count * (k1 + 1)) / (count + k1 * (1 - b + (b * length) / averageLength));

  const remove = (id: string) => {
    const length = lengths.get(id);
    if (length === undefined) return;
    for (const documents of postings.values()) documents.delete(id);
    lengths.delete(id);
    totalLength -= length;
  };

  return {
    add(id: string, counts: ReadonlyMap<string, number>): void {
      remove(id);
      let length = 0;
      for (const [term, count] of counts) {
        let documents = postings.get(term);
        if (!documents) postings.set(term, (documents = new Map()));
        documents.set(id, count);
        length += count;
      }
      lengths.set(id, length);
      totalLength += length;
    },
    remove,
    get size() {
      return lengths.size;
    },
    /** Scores of every indexed text sharing a term with the query, and the query's score against itself. */
    score(query: ReadonlyMap<string, number>): { scores: Map<string, number>; selfScore: number } {
      const scores = new Map<string, number>();
      if (lengths.size === 0) return { scores, selfScore: 0 };
      const averageLength = totalLength / lengths.size;
      let queryLength = 0;
      for (const count of query.values()) queryLength += count;
      let selfScore = 0;
      for (const [term, queryCount] of query) {
        const weight = inverseFrequency(term);
        selfScore += termScore(weight, queryCount, queryLength, averageLength);
        const documents = postings.get(term);
        if (!documents) continue;
        for (const [id, count] of documents)
          scores.set(id, (scores.get(id) ?? 0) + termScore(weight, count, lengths.get(id)!, averageLength));
      }
      return { scores, selfScore };
    },
  };
}
