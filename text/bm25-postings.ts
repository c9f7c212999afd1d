/**
 * The inverted index under Okapi BM25, shared by knowledge retrieval and similar-appeal search: term
 * counts per text, text lengths, inverse document frequency and the per-term score. Each user keeps its
 * own query semantics on top.
 */
export interface Bm25Parameters {
  k1: number;
  b: number;
}

export const defaultBm25Parameters: Bm25Parameters = { k1: 1.2, b: 0.75 };

export function createBm25Postings({ k1, b }: Bm25Parameters = defaultBm25Parameters) {
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

  return {
    /** Replaces the text `id` by these term counts. */
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
    averageLength: () => (lengths.size === 0 ? 0 : totalLength / lengths.size),
    lengthOf: (id: string) => lengths.get(id) ?? 0,
    /** The texts containing `term`, with its count in each. */
    documentsWith: (term: string): ReadonlyMap<string, number> | undefined => postings.get(term),
    inverseFrequency(term: string): number {
      const frequency = postings.get(term)?.size ?? 0;
      return Math.log(1 + (lengths.size - frequency + 0.5) / (frequency + 0.5));
    },
    /** One term's contribution: `count` occurrences in a text of `length` terms. */
    termScore: (weight: number, count: number, length: number, averageLength: number) =>
      (weight * count * (k1 + 1)) / (count + k1 * (1 - b + (b * length) / averageLength)),
  };
}

export type Bm25Postings = ReturnType<typeof createBm25Postings>;
