import { asc, eq, notInArray } from 'drizzle-orm';
import type { Database } from './database';
import { chunks, documents } from './schema';
import type { KnowledgeDocument, NewKnowledgeDocument, Chunk, NewChunk } from './domain-types';

export function createDocumentsRepository(db: Database) {
  return {
    async list(): Promise<KnowledgeDocument[]> {
      return db.select().from(documents).orderBy(asc(documents.source));
    },
    async get(id: string): Promise<KnowledgeDocument | undefined> {
      const [row] = await db.select().from(documents).where(eq(documents.id, id));
      return row;
    },
    async findBySource(source: string): Promise<KnowledgeDocument | undefined> {
      const [row] = await db.select().from(documents).where(eq(documents.source, source));
      return row;
    },
    /**
     * Stores a document and replaces all of its chunks in one transaction, so readers never see a
     * document whose chunks belong to two versions.
     */
    async saveWithChunks(document: NewKnowledgeDocument, rows: NewChunk[]): Promise<KnowledgeDocument> {
      return db.transaction(async (transaction) => {
        const values = { ...document, chunkCount: rows.length, updatedAt: new Date() };
        const { id: _id, createdAt: _createdAt, ...changes } = values;
        const [saved] = await transaction
          .insert(documents)
          .values(values)
          .onConflictDoUpdate({ target: documents.id, set: changes })
          .returning();
        await transaction.delete(chunks).where(eq(chunks.documentId, saved!.id));
        for (let start = 0; start < rows.length; start += 500) {
          await transaction.insert(chunks).values(rows.slice(start, start + 500).map((row) => ({ ...row, documentId: saved!.id })));
        }
        return saved!;
      });
    },
    async setStatus(id: string, status: KnowledgeDocument['status']): Promise<void> {
      await db.update(documents).set({ status, updatedAt: new Date() }).where(eq(documents.id, id));
    },
    async remove(id: string): Promise<boolean> {
      const removed = await db.delete(documents).where(eq(documents.id, id)).returning({ id: documents.id });
      return removed.length > 0;
    },
    async chunksOf(documentId: string): Promise<Chunk[]> {
      return db.select().from(chunks).where(eq(chunks.documentId, documentId)).orderBy(asc(chunks.ordinal));
    },
    /** Every chunk, in document and reading order; the chunks of `exceptDocumentIds` are not read at all. */
    async allChunks(exceptDocumentIds: string[] = []): Promise<Chunk[]> {
      const query = db.select().from(chunks);
      const filtered = exceptDocumentIds.length > 0 ? query.where(notInArray(chunks.documentId, exceptDocumentIds)) : query;
      return filtered.orderBy(asc(chunks.documentId), asc(chunks.ordinal));
    },
  };
}

export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
