import type { VectorIndex, VectorRecord } from './vector-index';

export interface VectorIndexUnderTest {
  index: VectorIndex;
  /**
   * For a store that outlives its index object (Chroma): another index over the same store whose embedder is
   * not the one that built it. An index that keeps nothing beyond its object has no such case.
   */
  otherEmbedder?: () => VectorIndex;
  close?: () => Promise<void>;
}

/**
 * What the knowledge base relies on from every vector index; run by each implementation's test file. The
 * vectors are small and far apart, so an approximate index (Chroma's HNSW) must give the exact answer too.
 */
export function vectorIndexContract(
  name: string,
  create: () => Promise<VectorIndexUnderTest>,
  kind: { persistent: boolean } = { persistent: false },
) {
  const persistentOnly = kind.persistent ? it : it.skip;
  describe(`VectorIndex contract: ${name}`, () => {
    let underTest: VectorIndexUnderTest;
    let index: VectorIndex;
    beforeAll(async () => {
      underTest = await create();
      index = underTest.index;
    });
    afterAll(async () => {
      await underTest.close?.();
    });
    beforeEach(async () => {
      await index.reset();
    });

    // Cosine similarities with the query [1, 0, 0, 0]: 1, 0.8, 0.6, 0 and -1.
    const records: VectorRecord[] = [
      { chunkId: 'a', documentId: 'doc-1', vector: [1, 0, 0, 0] },
      { chunkId: 'b', documentId: 'doc-1', vector: [0.8, 0.6, 0, 0] },
      { chunkId: 'c', documentId: 'doc-2', vector: [0.6, 0, 0.8, 0] },
      { chunkId: 'd', documentId: 'doc-2', vector: [0, 1, 0, 0] },
      { chunkId: 'e', documentId: 'doc-3', vector: [-1, 0, 0, 0] },
    ];
    const ids = (hits: { chunkId: string }[]) => hits.map((hit) => hit.chunkId);

    it('starts empty, finds nothing, and is current for no chunks', async () => {
      expect(await index.count()).toBe(0);
      expect(await index.query([1, 0, 0, 0], 5)).toEqual([]);
      expect(await index.isCurrent(0)).toBe(true);
    });

    it('returns the nearest chunks first with their document and cosine similarity, at most `limit`', async () => {
      await index.upsert(records);
      expect(await index.count()).toBe(5);
      // A query of any length: cosine similarity ignores it.
      const all = await index.query([3, 0, 0, 0], 10);
      expect(ids(all)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(all.map((hit) => hit.documentId)).toEqual(['doc-1', 'doc-1', 'doc-2', 'doc-2', 'doc-3']);
      [1, 0.8, 0.6, 0, -1].forEach((similarity, position) => expect(all[position]!.similarity).toBeCloseTo(similarity, 4));
      expect(ids(await index.query([1, 0, 0, 0], 2))).toEqual(['a', 'b']);
    });

    it('searches only the documents asked for', async () => {
      await index.upsert(records);
      expect(ids(await index.query([1, 0, 0, 0], 10, ['doc-2', 'doc-3']))).toEqual(['c', 'd', 'e']);
      expect(await index.query([1, 0, 0, 0], 10, ['doc-9'])).toEqual([]);
    });

    it('replaces a chunk that is upserted again', async () => {
      await index.upsert(records);
      await index.upsert([{ chunkId: 'a', documentId: 'doc-1', vector: [0, 0, 0, 1] }]);
      expect(await index.count()).toBe(5);
      const [nearest] = await index.query([0, 0, 0, 1], 1);
      expect(nearest).toMatchObject({ chunkId: 'a', documentId: 'doc-1' });
      expect(nearest!.similarity).toBeCloseTo(1, 4);
    });

    it("deletes one document's vectors and no others", async () => {
      await index.upsert(records);
      await index.deleteDocument('doc-1');
      await index.deleteDocument('doc-unknown');
      expect(await index.count()).toBe(3);
      expect(ids(await index.query([1, 0, 0, 0], 10))).toEqual(['c', 'd', 'e']);
    });

    it('empties on reset', async () => {
      await index.upsert(records);
      await index.reset();
      expect(await index.count()).toBe(0);
      expect(await index.query([1, 0, 0, 0], 5)).toEqual([]);
    });

    it('is current for exactly the expected count; otherwise it is emptied for a rebuild', async () => {
      await index.upsert(records);
      expect(await index.isCurrent(5)).toBe(true);
      expect(await index.count()).toBe(5);
      expect(await index.isCurrent(6)).toBe(false);
      expect(await index.count()).toBe(0);
    });

    it('stores a large upsert whole', async () => {
      const many = Array.from({ length: 1200 }, (_, number) => ({
        chunkId: `chunk-${number}`,
        documentId: `doc-${number % 7}`,
        vector: [Math.cos(number), Math.sin(number), 1, number % 3],
      }));
      await index.upsert(many);
      expect(await index.count()).toBe(1200);
      expect(await index.query([1, 0, 0, 0], 50)).toHaveLength(50);
    });

    persistentOnly('is not current when another embedder built it, and is then emptied', async () => {
      await index.upsert(records);
      const other = underTest.otherEmbedder!();
      expect(await other.isCurrent(5)).toBe(false);
      expect(await other.count()).toBe(0);
    });
  });
}
