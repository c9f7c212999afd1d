import { createBm25Index } from './bm25';
import { documentLengthNormalisation } from './retrieval-settings';
import type { TermAnalyser } from '../../text';

export interface IndexedChunk {
  id: string;
  text: string;
  headingPath: string[];
}

export interface LexicalDocumentHit {
  documentId: string;
  /** Best chunk's BM25 score and id. */
  chunkScore: number;
  chunkId: string;
  /** BM25 score of the whole document. */
  documentScore: number;
}

/**
 * Two BM25 indexes over the same text: one per chunk (finds the passage) and one per whole document
 * (rewards documents that are about the question throughout). Measured on the public questions, their
 * sum ranks documents better than either alone.
 */
export function createLexicalIndex(analyse: TermAnalyser) {
  const chunkIndex = createBm25Index();
  const documentIndex = createBm25Index({ b: documentLengthNormalisation });
  const chunkOwner = new Map<string, string>();
  const chunksOfDocument = new Map<string, string[]>();
  const chunkTerms = new Map<string, Set<string>>();

  const removeDocument = (documentId: string) => {
    for (const chunkId of chunksOfDocument.get(documentId) ?? []) {
      chunkIndex.remove(chunkId);
      chunkOwner.delete(chunkId);
      chunkTerms.delete(chunkId);
    }
    chunksOfDocument.delete(documentId);
    documentIndex.remove(documentId);
  };

  return {
    addDocument(documentId: string, chunks: IndexedChunk[]): void {
      removeDocument(documentId);
      const allTerms: string[] = [];
      for (const chunk of chunks) {
        // The heading path (title › chapter › article) is part of what a chunk is about.
        const terms = analyse(`${chunk.headingPath.join(' ')}\n${chunk.text}`);
        chunkIndex.add(chunk.id, terms);
        chunkOwner.set(chunk.id, documentId);
        chunkTerms.set(chunk.id, new Set(terms));
        allTerms.push(...analyse(chunk.text));
      }
      const title = chunks[0]?.headingPath[0] ?? '';
      documentIndex.add(documentId, [...analyse(title), ...allTerms]);
      chunksOfDocument.set(
        documentId,
        chunks.map((chunk) => chunk.id),
      );
    },
    removeDocument,
    get documentCount() {
      return documentIndex.size;
    },
    get chunkCount() {
      return chunkIndex.size;
    },
    documentOf: (chunkId: string) => chunkOwner.get(chunkId),
    /**
     * Share of the query's weight (inverse document frequency over chunks) that the chunk contains:
     * an absolute measure in [0, 1], unlike BM25 scores, so one threshold can mean "not about this".
     */
    coverage(queryTerms: string[], chunkId: string): number {
      const terms = chunkTerms.get(chunkId);
      if (!terms) return 0;
      let total = 0;
      let covered = 0;
      for (const term of new Set(queryTerms)) {
        const weight = chunkIndex.inverseFrequency(term);
        total += weight;
        if (terms.has(term)) covered += weight;
      }
      return total === 0 ? 0 : covered / total;
    },
    /**
     * `coverage` and `matchedCount` of many chunks for one query: the term weights are computed once (a rerank
     * measures every chunk of thirty documents).
     */
    coverageOf(queryTerms: string[]): (chunkId: string) => { share: number; matched: number } {
      const weighted = [...new Set(queryTerms)].map((term) => [term, chunkIndex.inverseFrequency(term)] as const);
      const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
      return (chunkId) => {
        const terms = chunkTerms.get(chunkId);
        if (!terms || total === 0) return { share: 0, matched: 0 };
        let covered = 0;
        let matched = 0;
        for (const [term, weight] of weighted) {
          if (!terms.has(term)) continue;
          covered += weight;
          matched += 1;
        }
        return { share: covered / total, matched };
      };
    },
    /** How many distinct query terms the chunk contains: one or two shared pairs are chance, not a topic. */
    matchedCount(queryTerms: string[], chunkId: string): number {
      const terms = chunkTerms.get(chunkId);
      if (!terms) return 0;
      return new Set(queryTerms.filter((term) => terms.has(term))).size;
    },
    search(queryTerms: string[], accept?: (documentId: string) => boolean, weights?: ReadonlyMap<string, number>): LexicalDocumentHit[] {
      const acceptChunk = accept ? (chunkId: string) => accept(chunkOwner.get(chunkId)!) : undefined;
      const hits = new Map<string, LexicalDocumentHit>();
      for (const hit of chunkIndex.search(queryTerms, 300, acceptChunk, weights)) {
        const documentId = chunkOwner.get(hit.id)!;
        if (!hits.has(documentId)) hits.set(documentId, { documentId, chunkScore: hit.score, chunkId: hit.id, documentScore: 0 });
      }
      for (const hit of documentIndex.search(queryTerms, 100, accept, weights)) {
        const existing = hits.get(hit.id);
        if (existing) existing.documentScore = hit.score;
      }
      return [...hits.values()];
    },
  };
}

export type LexicalIndex = ReturnType<typeof createLexicalIndex>;
