import { characterPairs } from '../../text';
import { normaliseVector, type Embedder } from './embedder';

/** FNV-1a: a fast, stable string hash, so the same text gets the same vector on every machine and release. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

const hanRuns = /\p{Script=Han}+|[a-z0-9]+/gu;

function features(text: string): string[] {
  const result: string[] = [];
  for (const run of text.normalize('NFKC').toLowerCase().match(hanRuns) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      result.push(`w:${run}`);
      continue;
    }
    for (const pair of characterPairs(run)) result.push(`b:${pair}`);
    const characters = [...run];
    for (let index = 0; index + 2 < characters.length; index += 1)
      result.push(`t:${characters[index]}${characters[index + 1]}${characters[index + 2]}`);
  }
  return result;
}

/**
 * The embedded default: character pair and triple features hashed into a fixed number of dimensions
 * (the "hashing trick"), counts damped with a logarithm, unit length. Deterministic, needs no model
 * files and no network. The version is part of the id: changing the features must bump it.
 */
export function createOfflineEmbedder(options: { dimensions?: number } = {}): Embedder & { dimensions: number } {
  const dimensions = options.dimensions ?? 1024;
  const embedOne = (text: string) => {
    const counts = new Map<number, number>();
    for (const feature of features(text)) {
      const value = hash(feature);
      const index = value % dimensions;
      // A hashed sign keeps colliding features from always adding up.
      const sign = value & 0x80000000 ? -1 : 1;
      counts.set(index, (counts.get(index) ?? 0) + sign);
    }
    const vector = new Array<number>(dimensions).fill(0);
    for (const [index, count] of counts) vector[index] = Math.sign(count) * Math.log1p(Math.abs(count));
    return normaliseVector(vector);
  };
  return {
    id: `offline-hashed-ngrams-v1-${dimensions}`,
    dimensions,
    embed: async (texts) => texts.map(embedOne),
  };
}
