import { embedderContract } from '../../knowledge/embeddings/embedder.contract';
import { createLearnedEmbedder, type LearnedTermVectors } from './learned-embedder';

/** Two words used alike (失业金, 失业保险金) and one used elsewhere (噪声), as learn-term-vectors.ts would give them. */
const vectors: LearnedTermVectors = {
  dimensions: 2,
  terms: new Map([
    ['失业金', { weight: 2, row: 0 }],
    ['失业保险金', { weight: 2, row: 1 }],
    ['噪声', { weight: 2, row: 2 }],
  ]),
  values: Int8Array.from([127, 0, 120, 40, 0, 127]),
};
const cosine = (left: number[], right: number[]) => left.reduce((sum, value, index) => sum + value * right[index]!, 0);

embedderContract('learned words', async () => ({ embedder: createLearnedEmbedder({ vectors }) }));

describe('learned embedder', () => {
  it('places texts whose words are used alike near each other, beyond their shared characters', async () => {
    const learned = createLearnedEmbedder({ vectors, lexicalShare: 0.5 });
    const hashedOnly = createLearnedEmbedder({ vectors, lexicalShare: 1 });
    const [question, law] = await learned.embed(['失业金', '失业保险金']);
    const [hashedQuestion, hashedLaw] = await hashedOnly.embed(['失业金', '失业保险金']);
    expect(cosine(question!, law!)).toBeGreaterThan(cosine(hashedQuestion!, hashedLaw!) + 0.2);
    const [noise] = await learned.embed(['噪声']);
    expect(cosine(question!, law!)).toBeGreaterThan(cosine(question!, noise!) + 0.5);
  });

  it('names the share of the n-gram part in its id, since it changes the vector space', () => {
    expect(createLearnedEmbedder({ lexicalShare: 0.3, vectors }).id).not.toBe(createLearnedEmbedder({ lexicalShare: 0.5, vectors }).id);
  });

  it('embeds a text without a known word by its n-grams alone, still unit length', async () => {
    const [vector] = await createLearnedEmbedder({ vectors }).embed(['abc']);
    expect(Math.sqrt(cosine(vector!, vector!))).toBeCloseTo(1, 5);
  });
});
