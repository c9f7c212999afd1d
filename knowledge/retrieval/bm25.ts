import { createBm25Postings, defaultBm25Parameters } from '../../text';

/**
 * Okapi BM25 over pre-tokenised texts, kept in memory: the corpus is small (hundreds of documents,
 * a few thousand chunks), so an inverted index in plain maps answers in well under a millisecond.
 */
export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Hit {
  id: string;
  score: number;
}

export function createBm25Index(options: Bm25Options = {}) {
  const postings = createBm25Postings({ k1: options.k1 ?? defaultBm25Parameters.k1, b: options.b ?? defaultBm25Parameters.b });

  return {
    inverseFrequency: postings.inverseFrequency,
    add(id: string, tokens: string[]): void {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      postings.add(id, counts);
    },
    remove: postings.remove,
    get size() {
      return postings.size;
    },
    /** `weights` scales each query token's contribution (1 when absent): added official terms count less. */
    search(queryTokens: string[], limit: number, accept?: (id: string) => boolean, weights?: ReadonlyMap<string, number>): Bm25Hit[] {
      if (postings.size === 0) return [];
      const averageLength = postings.averageLength();
      const scores = new Map<string, number>();
      for (const token of new Set(queryTokens)) {
        const documents = postings.documentsWith(token);
        if (!documents) continue;
        const weight = postings.inverseFrequency(token) * (weights?.get(token) ?? 1);
        for (const [id, frequency] of documents) {
          if (accept && !accept(id)) continue;
          scores.set(id, (scores.get(id) ?? 0) + postings.termScore(weight, frequency, postings.lengthOf(id), averageLength));
        }
      }
      return [...scores]
        .map(([id, score]) => ({ id, score }))
        .sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : 1))
        .slice(0, limit);
    },
  };
}

export type Bm25Index = ReturnType<typeof createBm25Index>;
