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
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const postings = new Map<string, Map<string, number>>();
  const lengths = new Map<string, number>();
  let totalLength = 0;

  const remove = (id: string) => {
    const length = lengths.get(id);
    if (length === undefined) return;
    for (const documents of postings.values()) documents.delete(id);
    lengths.delete(id);
    totalLength -= length;
  };

  const inverseFrequency = (token: string) => {
    const frequency = postings.get(token)?.size ?? 0;
    return Math.log(1 + (lengths.size - frequency + 0.5) / (frequency + 0.5));
  };

  return {
    inverseFrequency,
    add(id: string, tokens: string[]): void {
      remove(id);
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [token, count] of counts) {
        let documents = postings.get(token);
        if (!documents) postings.set(token, (documents = new Map()));
        documents.set(id, count);
      }
      lengths.set(id, tokens.length);
      totalLength += tokens.length;
    },
    remove,
    get size() {
      return lengths.size;
    },
    search(queryTokens: string[], limit: number, accept?: (id: string) => boolean): Bm25Hit[] {
      const count = lengths.size;
      if (count === 0) return [];
      const averageLength = totalLength / count;
      const scores = new Map<string, number>();
      for (const token of new Set(queryTokens)) {
        const documents = postings.get(token);
        if (!documents) continue;
        const weight = inverseFrequency(token);
        for (const [id, frequency] of documents) {
          if (accept && !accept(id)) continue;
          const norm = frequency + k1 * (1 - b + (b * lengths.get(id)!) / averageLength);
          scores.set(id, (scores.get(id) ?? 0) + (weight * frequency * (k1 + 1)) / norm);
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
