import { ChromaClient, type Collection } from 'chromadb';
import { AppError } from '../../common';
import type { VectorHit, VectorIndex, VectorRecord } from './vector-index';

export interface ChromaVectorIndexOptions {
  /** The server's address now; undefined while it is down (the embedded server may be restarting). */
  url: () => string | undefined;
  /** The embedder's id: the collection records it, and a collection built by another embedder is never used. */
  embedderId: string;
  collectionName?: string;
}

/** Chroma's "add" limit per request is large, but small batches keep memory flat and errors local. */
const batchSize = 500;

/**
 * Chunk vectors in one Chroma collection, keyed by chunk id with the document id as metadata. Postgres
 * holds the text of record; this is an index that `reindex` can always rebuild.
 */
export function createChromaVectorIndex(options: ChromaVectorIndexOptions): VectorIndex {
  const collectionName = options.collectionName ?? 'knowledge-chunks';
  let cached: { url: string; collection: Collection } | undefined;

  const client = () => {
    const url = options.url();
    if (!url) throw new AppError('SERVICE_UNAVAILABLE', '向量数据库暂时无法访问。', { details: { reason: 'vector store is down' } });
    const { hostname, port, protocol } = new URL(url);
    return {
      url,
      client: new ChromaClient({ host: hostname, port: Number(port || (protocol === 'https:' ? 443 : 80)), ssl: protocol === 'https:' }),
    };
  };

  const create = (chroma: ChromaClient) =>
    chroma.createCollection({
      name: collectionName,
      embeddingFunction: null,
      configuration: { hnsw: { space: 'cosine' } },
      metadata: { embedder: options.embedderId },
    });

  const collection = async (): Promise<Collection> => {
    const { url, client: chroma } = client();
    if (cached?.url === url) return cached.collection;
    const found = await chroma.getOrCreateCollection({
      name: collectionName,
      embeddingFunction: null,
      configuration: { hnsw: { space: 'cosine' } },
      metadata: { embedder: options.embedderId },
    });
    cached = { url, collection: found };
    return found;
  };

  return {
    /**
     * Whether the collection holds vectors of this embedder for exactly `expectedCount` chunks. When it
     * does not (missing, other embedder, interrupted build), it is emptied and false is returned: the
     * caller rebuilds it from the chunks of record.
     */
    async isCurrent(expectedCount: number): Promise<boolean> {
      const existing = await collection();
      const current = existing.metadata?.embedder === options.embedderId && (await existing.count()) === expectedCount;
      if (current) return true;
      await this.reset();
      return false;
    },
    async reset(): Promise<void> {
      const { url, client: chroma } = client();
      cached = undefined;
      try {
        await chroma.deleteCollection({ name: collectionName });
      } catch {
        // nothing to delete
      }
      cached = { url, collection: await create(chroma) };
    },
    async upsert(records: VectorRecord[]): Promise<void> {
      const target = await collection();
      for (let start = 0; start < records.length; start += batchSize) {
        const batch = records.slice(start, start + batchSize);
        await target.upsert({
          ids: batch.map((record) => record.chunkId),
          embeddings: batch.map((record) => record.vector),
          metadatas: batch.map((record) => ({ documentId: record.documentId })),
        });
      }
    },
    async deleteDocument(documentId: string): Promise<void> {
      await (await collection()).delete({ where: { documentId } });
    },
    async count(): Promise<number> {
      return (await collection()).count();
    },
    async query(vector: number[], limit: number, documentIds?: string[]): Promise<VectorHit[]> {
      const target = await collection();
      const result = await target.query({
        queryEmbeddings: [vector],
        nResults: limit,
        include: ['distances', 'metadatas'],
        ...(documentIds ? { where: { documentId: { $in: documentIds } } } : {}),
      });
      const ids = result.ids[0] ?? [];
      const distances = result.distances[0] ?? [];
      const metadatas = result.metadatas[0] ?? [];
      return ids.map((chunkId, index) => ({
        chunkId,
        documentId: String(metadatas[index]?.documentId ?? ''),
        similarity: 1 - (distances[index] ?? 1),
      }));
    },
  };
}
