export interface VectorRecord {
  chunkId: string;
  documentId: string;
  vector: number[];
}

export interface VectorHit {
  chunkId: string;
  documentId: string;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

/**
 * The chunk vectors the knowledge base searches: one record per chunk, keyed by chunk id, with its document id.
 * Postgres holds the text of record, so an index can always be emptied and rebuilt from it. Two
 * implementations (Chroma; in memory) pass one contract suite (`vector-index.contract.ts`).
 */
export interface VectorIndex {
  /**
   * Whether the index holds vectors of its embedder for exactly `expectedCount` chunks. When it does not
   * (missing, built by another embedder, interrupted build), it is emptied and false is returned: the caller
   * rebuilds it from the chunks of record.
   */
  isCurrent(expectedCount: number): Promise<boolean>;
  /** Empties the index. */
  reset(): Promise<void>;
  /** Adds the records, replacing any with the same chunk id. */
  upsert(records: VectorRecord[]): Promise<void>;
  deleteDocument(documentId: string): Promise<void>;
  count(): Promise<number>;
  /** The `limit` nearest chunks by cosine similarity, nearest first, only of `documentIds` when given. */
  query(vector: number[], limit: number, documentIds?: string[]): Promise<VectorHit[]>;
}
