import type { Embedder } from './embedder';

/** What every embedder must do; run by each implementation's test file. */
export function embedderContract(name: string, create: () => Promise<{ embedder: Embedder; close?: () => Promise<void> }>) {
  describe(`Embedder contract: ${name}`, () => {
    let embedder: Embedder;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ embedder, close } = await create());
    });
    afterAll(async () => {
      await close?.();
    });

    const cosine = (left: number[], right: number[]) => left.reduce((sum, value, index) => sum + value * right[index]!, 0);

    it('has an id naming its vector space', () => {
      expect(embedder.id).toMatch(/\S{3,}/);
    });

    it('returns one unit-length vector per text, in order, with one dimension for all', async () => {
      const texts = ['住房公积金提取条件', '最低生活保障申请', '住房公积金提取条件'];
      const vectors = await embedder.embed(texts);
      expect(vectors).toHaveLength(3);
      expect(new Set(vectors.map((vector) => vector.length)).size).toBe(1);
      for (const vector of vectors) expect(Math.sqrt(cosine(vector, vector))).toBeCloseTo(1, 5);
      expect(vectors[0]).toEqual(vectors[2]);
      expect(cosine(vectors[0]!, vectors[1]!)).toBeLessThan(0.999);
    });

    it('is deterministic across calls', async () => {
      const [first] = await embedder.embed(['宁德市住房和城乡建设局']);
      const [second] = await embedder.embed(['宁德市住房和城乡建设局']);
      expect(first).toEqual(second);
    });

    it('embeds many texts (more than one batch) and an empty list', async () => {
      const texts = Array.from({ length: 150 }, (_, index) => `第${index}条 公积金`);
      expect(await embedder.embed(texts)).toHaveLength(150);
      expect(await embedder.embed([])).toEqual([]);
    });
  });
}
