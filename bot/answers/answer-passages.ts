/**
 * Builds the passages composePolicyAnswer reads from knowledge hits. A hit carries only its best chunk
 * (at most ~400 characters), and the answer often runs on into the next chunk of the same document, so each
 * passage is the best chunk followed by the chunks after it under the same heading (a law article's
 * neighbour is another article, which the hit's heading path would mis-cite).
 */
import type { PolicyPassage } from './compose-policy-answer';

export interface AnswerHit {
  documentId: string;
  title: string;
  headingPath: string[];
  /** The best chunk's text, as the knowledge base returns it. */
  excerpt: string;
}

export interface AnswerChunk {
  text: string;
  headingPath: string[];
}

export interface AnswerPassagesOptions {
  /** How many chunks after the best one are appended. */
  following?: number;
}

const sameHeading = (left: string[], right: string[]) =>
  left.length === right.length && left.every((heading, index) => heading === right[index]);

/**
 * One passage per hit, in the hits' order, so that passage n is source n. `chunksOf` returns a document's
 * chunks in order (the documents repository's `chunksOf`); when the best chunk cannot be found among them
 * the excerpt is used alone.
 */
export async function answerPassages(
  hits: AnswerHit[],
  chunksOf: (documentId: string) => Promise<AnswerChunk[]>,
  options: AnswerPassagesOptions = {},
): Promise<PolicyPassage[]> {
  const following = options.following ?? 1;
  return Promise.all(
    hits.map(async (hit) => {
      const passage = { title: hit.title, headingPath: hit.headingPath, text: hit.excerpt };
      if (following <= 0) return passage;
      const chunks = await chunksOf(hit.documentId);
      const index = chunks.findIndex((chunk) => chunk.text === hit.excerpt && sameHeading(chunk.headingPath, hit.headingPath));
      if (index < 0) return passage;
      const texts = [hit.excerpt];
      for (const chunk of chunks.slice(index + 1, index + 1 + following)) {
        if (!sameHeading(chunk.headingPath, hit.headingPath)) break;
        texts.push(chunk.text);
      }
      return { ...passage, text: texts.join('\n') };
    }),
  );
}
