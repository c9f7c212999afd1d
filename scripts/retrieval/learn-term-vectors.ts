/**
 * Learns word vectors for the offline embedder from the project's own texts (DESIGN.md §4: bridge citizens'
 * words and the laws' words with general resources): the laws and notices of ../shared/data/knowledge and the
 * citizens' appeals of ../shared/data/appeals (with the official replies). Two words that are used among the same
 * words get similar vectors (失业金 and 失业保险金 are both 领取, 申请, 办理), which the character n-gram hashing
 * embedder cannot see.
 *
 * Method: jieba content words; co-occurrence counts in a window of ±`window` words within a paragraph; positive
 * PMI with the context distribution smoothed (exponent 0.75); the word × context PPMI matrix
 * reduced to `dimensions` by a truncated SVD (U·√Σ, randomised), each row set to unit length. Written as
 * test-output/term-vectors/learned-term-vectors.bin (int8) with its word list learned-terms.txt (word and weight,
 * the inverse paragraph frequency), read by learned-embedder.ts. An experiment: measured, it did not pay (README
 * "Knowledge base: measured"), so nothing of it is shipped or used by the service.
 *
 *   node --import tsx scripts/retrieval/learn-term-vectors.ts [<shared data folder>]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTokenizer } from '../../text/tokenizer';
import { readJsonLines, sharedDataDirectory } from '../appeal-intelligence/shared-data';
import { termVectorsFolder } from './learned-embedder';

export const vocabularySize = 20000;
export const dimensions = 128;
const window = 5;
const minimumCount = 5;
const contextSmoothing = 0.75;
/** Paragraphs shorter than this many words carry too little context to count. */
const minimumParagraphWords = 3;

const hanWord = /^\p{Script=Han}{2,8}$/u;

/** A deterministic generator (mulberry32): the same corpus gives the same file on every machine. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

type SparseRows = [number, number][][];

/** M · X for a sparse M (rows × columns) and a dense X (columns × width, row-major). */
function multiply(matrix: SparseRows, dense: Float64Array, width: number): Float64Array {
  const result = new Float64Array(matrix.length * width);
  matrix.forEach((entries, row) => {
    const offset = row * width;
    for (const [column, value] of entries) {
      const from = column * width;
      for (let index = 0; index < width; index += 1) result[offset + index]! += value * dense[from + index]!;
    }
  });
  return result;
}

/** Mᵀ · X for a sparse M (rows × columns) and a dense X (rows × width). */
function multiplyTransposed(matrix: SparseRows, columns: number, dense: Float64Array, width: number): Float64Array {
  const result = new Float64Array(columns * width);
  matrix.forEach((entries, row) => {
    const from = row * width;
    for (const [column, value] of entries) {
      const offset = column * width;
      for (let index = 0; index < width; index += 1) result[offset + index]! += value * dense[from + index]!;
    }
  });
  return result;
}

/** Orthonormal columns (modified Gram–Schmidt) of a dense matrix (rows × width, row-major), in place. */
function orthonormalise(dense: Float64Array, rows: number, width: number): void {
  for (let column = 0; column < width; column += 1) {
    for (let previous = 0; previous < column; previous += 1) {
      let dot = 0;
      for (let row = 0; row < rows; row += 1) dot += dense[row * width + column]! * dense[row * width + previous]!;
      for (let row = 0; row < rows; row += 1) dense[row * width + column]! -= dot * dense[row * width + previous]!;
    }
    let length = 0;
    for (let row = 0; row < rows; row += 1) length += dense[row * width + column]! ** 2;
    length = Math.sqrt(length) || 1;
    for (let row = 0; row < rows; row += 1) dense[row * width + column]! /= length;
  }
}

/** Eigenvectors (columns) and eigenvalues of a small symmetric matrix (cyclic Jacobi). */
export function symmetricEigen(matrix: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let index = 0; index < size; index += 1) v[index * size + index] = 1;
  for (let sweep = 0; sweep < 30; sweep += 1) {
    let off = 0;
    for (let p = 0; p < size; p += 1) for (let q = p + 1; q < size; q += 1) off += a[p * size + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < size; p += 1) {
      for (let q = p + 1; q < size; q += 1) {
        const apq = a[p * size + q]!;
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (a[q * size + q]! - a[p * size + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k += 1) {
          const akp = a[k * size + p]!;
          const akq = a[k * size + q]!;
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k += 1) {
          const apk = a[p * size + k]!;
          const aqk = a[q * size + k]!;
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k += 1) {
          const vkp = v[k * size + p]!;
          const vkq = v[k * size + q]!;
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: size }, (_, index) => a[index * size + index]!), vectors: v };
}

/**
 * Rows of U·√Σ of the rank-`rank` truncated SVD of a sparse square matrix (randomised range finder with two
 * power iterations, Halko et al. 2011), each row set to unit length and stored as int8.
 */
export function truncatedSvd(matrix: SparseRows, columns: number, rank: number, next: () => number): Int8Array {
  const rows = matrix.length;
  const width = rank + 16;
  const gaussian = () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
  let range = multiply(matrix, Float64Array.from({ length: columns * width }, gaussian), width);
  orthonormalise(range, rows, width);
  for (let iteration = 0; iteration < 2; iteration += 1) {
    const back = multiplyTransposed(matrix, columns, range, width);
    orthonormalise(back, columns, width);
    range = multiply(matrix, back, width);
    orthonormalise(range, rows, width);
  }
  // B = Qᵀ M (width × columns), held as Bᵀ = Mᵀ Q; B Bᵀ is width × width.
  const transposed = multiplyTransposed(matrix, columns, range, width);
  const gram = new Float64Array(width * width);
  for (let column = 0; column < columns; column += 1) {
    const offset = column * width;
    for (let left = 0; left < width; left += 1) {
      const value = transposed[offset + left]!;
      if (value === 0) continue;
      for (let right = 0; right < width; right += 1) gram[left * width + right]! += value * transposed[offset + right]!;
    }
  }
  const { values, vectors } = symmetricEigen(gram, width);
  const order = [...values.keys()].sort((left, right) => values[right]! - values[left]!).slice(0, rank);
  const result = new Int8Array(rows * rank);
  const row = new Float64Array(rank);
  for (let word = 0; word < rows; word += 1) {
    order.forEach((component, index) => {
      let value = 0;
      for (let k = 0; k < width; k += 1) value += range[word * width + k]! * vectors[k * width + component]!;
      // Singular value σ = √eigenvalue; U·√Σ weighs components by σ^½.
      row[index] = value * Math.max(0, values[component]!) ** 0.25;
    });
    const length = Math.sqrt(row.reduce((sum, value) => sum + value * value, 0)) || 1;
    for (let index = 0; index < rank; index += 1) result[word * rank + index] = Math.round((127 * row[index]!) / length);
  }
  return result;
}

function readParagraphs(shared: string): string[] {
  const paragraphs: string[] = [];
  const split = (text: string) => text.split(/\n+/u).filter((line) => line.trim() !== '');
  for (const folder of ['knowledge/laws', 'knowledge/ncp']) {
    const directory = path.join(shared, folder);
    for (const file of fs.readdirSync(directory).sort()) paragraphs.push(...split(fs.readFileSync(path.join(directory, file), 'utf8')));
  }
  for (const appeal of readJsonLines<{ title?: string; content: string; reply?: string }>(path.join(shared, 'appeals/replied.jsonl'))) {
    paragraphs.push(`${appeal.title ?? ''} ${appeal.content}`, ...split(appeal.reply ?? ''));
  }
  for (const file of ['appeals/unlabeled.jsonl', 'appeals/labeled-train.jsonl']) {
    for (const appeal of readJsonLines<{ title?: string; content: string }>(path.join(shared, file))) {
      paragraphs.push(`${appeal.title ?? ''} ${appeal.content}`);
    }
  }
  return paragraphs;
}

export function learnTermVectors(shared: string) {
  const tokenizer = createTokenizer();
  const paragraphs = readParagraphs(shared)
    .map((text) => tokenizer.contentTokens(text).filter((word) => hanWord.test(word)))
    .filter((words) => words.length >= minimumParagraphWords);
  const counts = new Map<string, number>();
  const inParagraphs = new Map<string, number>();
  for (const words of paragraphs) {
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    for (const word of new Set(words)) inParagraphs.set(word, (inParagraphs.get(word) ?? 0) + 1);
  }
  const vocabulary = [...counts]
    .filter(([, count]) => count >= minimumCount)
    .sort(([leftWord, left], [rightWord, right]) => right - left || (leftWord < rightWord ? -1 : 1))
    .slice(0, vocabularySize)
    .map(([word]) => word);
  const idOf = new Map(vocabulary.map((word, index) => [word, index]));
  const size = vocabulary.length;
  // Co-occurrences as one map per word (context id → count), weighted by distance (1 / distance).
  const rows = Array.from({ length: size }, () => new Map<number, number>());
  for (const words of paragraphs) {
    const ids = words.map((word) => idOf.get(word) ?? -1);
    for (let position = 0; position < ids.length; position += 1) {
      const id = ids[position]!;
      if (id < 0) continue;
      for (let offset = 1; offset <= window && position + offset < ids.length; offset += 1) {
        const other = ids[position + offset]!;
        if (other < 0 || other === id) continue;
        const weight = 1 / offset;
        rows[id]!.set(other, (rows[id]!.get(other) ?? 0) + weight);
        rows[other]!.set(id, (rows[other]!.get(id) ?? 0) + weight);
      }
    }
  }
  const rowTotals = rows.map((row) => [...row.values()].reduce((sum, value) => sum + value, 0));
  const contextTotals = new Float64Array(size);
  for (const row of rows) for (const [context, value] of row) contextTotals[context]! += value;
  const smoothed = Float64Array.from(contextTotals, (value) => value ** contextSmoothing);
  const smoothedSum = smoothed.reduce((sum, value) => sum + value, 0);
  // The PPMI matrix, sparse by rows.
  const matrix = rows.map((row, id) => {
    const entries: [number, number][] = [];
    for (const [context, value] of row) {
      const pmi = Math.log((value * smoothedSum) / (rowTotals[id]! * smoothed[context]!));
      if (pmi > 0) entries.push([context, pmi]);
    }
    return entries;
  });
  const vectors = truncatedSvd(matrix, size, dimensions, random(13));
  const weights = vocabulary.map((word) => Math.log(paragraphs.length / (inParagraphs.get(word) ?? 1)));
  return { vocabulary, weights, vectors, paragraphs: paragraphs.length };
}

function main(argv: string[]) {
  const shared = sharedDataDirectory(argv.find((argument) => !argument.startsWith('--')));
  const { vocabulary, weights, vectors, paragraphs } = learnTermVectors(shared);
  const folder = termVectorsFolder;
  fs.mkdirSync(folder, { recursive: true });
  const header = [
    `# Generated by scripts/retrieval/learn-term-vectors.ts from ../shared/data/knowledge and ../shared/data/appeals (${paragraphs} paragraphs).`,
    `# One word a line with its weight (inverse paragraph frequency); its ${dimensions} int8 values are the same line of learned-term-vectors.bin.`,
  ];
  const lines = vocabulary.map((word, index) => `${word}\t${weights[index]!.toFixed(3)}`);
  fs.writeFileSync(path.join(folder, 'learned-terms.txt'), `${[...header, ...lines].join('\n')}\n`);
  fs.writeFileSync(path.join(folder, 'learned-term-vectors.bin'), vectors);
  process.stdout.write(`${vocabulary.length} words × ${dimensions} dimensions from ${paragraphs} paragraphs written to ${folder}\n`);
}

if (require.main === module) main(process.argv.slice(2));
