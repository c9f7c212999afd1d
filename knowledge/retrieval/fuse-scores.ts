import type { LexicalDocumentHit } from './lexical-index';
import type { VectorHit } from '../vector-store/vector-index';

export interface FusionWeights {
  chunk: number;
  document: number;
  vector: number;
}

export interface FusedHit {
  documentId: string;
  /** The chunk shown as the excerpt: the best lexical chunk, or the best vector chunk when BM25 found none. */
  chunkId: string;
  /** Weighted mean of the normalised component scores, in [0, 1]. */
  score: number;
  /** After the rerank: the best coverage of the question by any of the document's passages. */
  coverage?: number;
}

/**
 * Score fusion: each component is divided by its best score for this query (so all lie in [0, 1]) and
 * the weighted sum ranks documents. On the public questions this beat reciprocal rank fusion, which
 * throws away how far apart the scores are.
 */
export function fuseScores(lexical: LexicalDocumentHit[], vector: VectorHit[], weights: FusionWeights): FusedHit[] {
  const bestChunk = Math.max(0, ...lexical.map((hit) => hit.chunkScore));
  const bestDocument = Math.max(0, ...lexical.map((hit) => hit.documentScore));
  const bestVector = Math.max(0, ...vector.map((hit) => hit.similarity));
  const vectorByDocument = new Map<string, VectorHit>();
  for (const hit of vector) {
    const existing = vectorByDocument.get(hit.documentId);
    if (!existing || hit.similarity > existing.similarity) vectorByDocument.set(hit.documentId, hit);
  }
  const useVector = bestVector > 0 && weights.vector > 0;
  const total = weights.chunk + weights.document + (useVector ? weights.vector : 0);
  const fused = new Map<string, FusedHit>();
  const ratio = (value: number, best: number) => (best > 0 ? value / best : 0);

  for (const hit of lexical) {
    const vectorHit = useVector ? vectorByDocument.get(hit.documentId) : undefined;
    const sum =
      weights.chunk * ratio(hit.chunkScore, bestChunk) +
      weights.document * ratio(hit.documentScore, bestDocument) +
      (vectorHit ? weights.vector * ratio(Math.max(0, vectorHit.similarity), bestVector) : 0);
    fused.set(hit.documentId, { documentId: hit.documentId, chunkId: hit.chunkId, score: sum / total });
  }
  if (useVector) {
    for (const [documentId, hit] of vectorByDocument) {
      if (fused.has(documentId)) continue;
      fused.set(documentId, {
        documentId,
        chunkId: hit.chunkId,
        score: (weights.vector * ratio(Math.max(0, hit.similarity), bestVector)) / total,
      });
    }
  }
  return [...fused.values()].sort((left, right) => right.score - left.score || (left.documentId < right.documentId ? -1 : 1));
}
