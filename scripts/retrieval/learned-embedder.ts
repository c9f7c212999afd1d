import fs from 'node:fs';
import path from 'node:path';
import { createTokenizer, type Tokenizer } from '../../text';
import { normaliseVector, type Embedder } from '../../knowledge/embeddings/embedder';
import { createOfflineEmbedder } from '../../knowledge/embeddings/offline-embedder';

/**
 * An experiment, not wired into the service (README "Knowledge base: measured": it did not pay): the embedder
 * over the word vectors that learn-term-vectors.ts writes to test-output/term-vectors. To measure it, pass it to
 * createEmbedder (server/services.ts) and scripts/support/scratch-knowledge.ts and run eval:citizen --vectors.
 */
export const termVectorsFolder = path.join(__dirname, '../../test-output/term-vectors');
const termsFile = path.join(termVectorsFolder, 'learned-terms.txt');
const vectorsFile = path.join(termVectorsFolder, 'learned-term-vectors.bin');
const hanWord = /^\p{Script=Han}{2,8}$/u;

export interface LearnedTermVectors {
  dimensions: number;
  /** Word → [weight, row]. */
  terms: Map<string, { weight: number; row: number }>;
  values: Int8Array;
}

/** Reads the word vectors written by scripts/retrieval/learn-term-vectors.ts. */
export function readLearnedTermVectors(files = { terms: termsFile, vectors: vectorsFile }): LearnedTermVectors {
  const terms = new Map<string, { weight: number; row: number }>();
  for (const line of fs.readFileSync(files.terms, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [word, weight] = line.split('\t');
    terms.set(word!, { weight: Number(weight), row: terms.size });
  }
  const buffer = fs.readFileSync(files.vectors);
  const values = new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return { dimensions: terms.size === 0 ? 0 : values.length / terms.size, terms, values };
}

/**
 * The offline default: the mean of the text's words' learned vectors (weighted by how rare the word is, counts
 * damped), which places 失业金 near 失业保险金 and 炒掉 near 解聘, joined with the character n-gram hashing vector
 * that keeps exact wording. The cosine of two such vectors is `1 − lexicalShare` times the learned words' cosine
 * plus `lexicalShare` times the n-grams'. Deterministic; the version and the share are part of the id.
 */
export function createLearnedEmbedder(
  options: { tokenizer?: Tokenizer; lexicalShare?: number; vectors?: LearnedTermVectors } = {},
): Embedder & { dimensions: number } {
  const lexicalShare = options.lexicalShare ?? 0.5;
  const lexical = createOfflineEmbedder();
  let tokenizer = options.tokenizer;
  const learned = options.vectors ?? readLearnedTermVectors();
  const embedWords = (text: string): number[] => {
    // Building jieba costs about 0.3 s: only when something is embedded.
    tokenizer ??= createTokenizer();
    const { dimensions, terms, values } = learned;
    const counts = new Map<string, number>();
    for (const word of tokenizer.contentTokens(text)) if (hanWord.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    const vector = new Array<number>(dimensions).fill(0);
    for (const [word, count] of counts) {
      const term = terms.get(word);
      if (!term) continue;
      const weight = term.weight * (1 + Math.log(count));
      const offset = term.row * dimensions;
      for (let index = 0; index < dimensions; index += 1) vector[index]! += weight * values[offset + index]!;
    }
    return normaliseVector(vector);
  };
  const learnedShare = Math.sqrt(1 - lexicalShare);
  const lexicalScale = Math.sqrt(lexicalShare);
  const dimensions = learned.dimensions + lexical.dimensions;
  return {
    id: `offline-learned-words-v1-${lexicalShare}`,
    dimensions,
    async embed(texts) {
      const hashed = await lexical.embed(texts);
      return texts.map((text, index) => {
        const words = embedWords(text).map((value) => value * learnedShare);
        // A text without a known word has only its n-gram part: still unit length.
        const hasWords = words.some((value) => value !== 0);
        return normaliseVector([...words, ...hashed[index]!.map((value) => value * (hasWords ? lexicalScale : 1))]);
      });
    },
  };
}
