import { normaliseVector } from '../embeddings/embedder';
import type { VectorHit, VectorIndex, VectorRecord } from './vector-index';

interface StoredVector {
  documentId: string;
  /** Unit length, so cosine similarity is a dot product. */
  unit: number[];
}

const dot = (left: number[], right: number[]) => {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += left[index]! * (right[index] ?? 0);
  return sum;
};

/**
 * Chunk vectors in this process, searched by brute force: exact, and fast enough for test corpora and a few
 * thousand chunks. Nothing persists, so it is current whenever it holds as many vectors as expected.
 */
export function createInMemoryVectorIndex(): VectorIndex {
  const vectors = new Map<string, StoredVector>();

  return {
    async isCurrent(expectedCount: number): Promise<boolean> {
      if (vectors.size === expectedCount) return true;
      vectors.clear();
      return false;
    },
    async reset(): Promise<void> {
      vectors.clear();
    },
    async upsert(records: VectorRecord[]): Promise<void> {
      for (const record of records) vectors.set(record.chunkId, { documentId: record.documentId, unit: normaliseVector(record.vector) });
    },
    async deleteDocument(documentId: string): Promise<void> {
      for (const [chunkId, stored] of vectors) if (stored.documentId === documentId) vectors.delete(chunkId);
    },
    async count(): Promise<number> {
      return vectors.size;
    },
    async query(vector: number[], limit: number, documentIds?: string[]): Promise<VectorHit[]> {
      const unit = normaliseVector(vector);
      const wanted = documentIds ? new Set(documentIds) : undefined;
      const hits: VectorHit[] = [];
      for (const [chunkId, stored] of vectors) {
        if (wanted && !wanted.has(stored.documentId)) continue;
        hits.push({ chunkId, documentId: stored.documentId, similarity: dot(unit, stored.unit) });
      }
      return hits.sort((left, right) => right.similarity - left.similarity).slice(0, limit);
    },
  };
}
