/**
 * Policy passages for answers. A hit carries only its best chunk (at most ~400 characters), and the answer
 * often runs on into the next chunk of the same document, so each passage is the best chunk followed by the
 * chunks after it under the same heading (a law article's neighbour is another article, which the hit's
 * heading path would mis-cite).
 */
import type { KnowledgeHit, KnowledgeSearchOptions, KnowledgeSearchResult } from '../search-results';

export interface PassageChunk {
  text: string;
  headingPath: string[];
}

/** A passage as answers cite it: nothing else, so that nothing else reaches a model or a citizen. */
export interface KnowledgePassage {
  source: string;
  title: string;
  headingPath: string[];
  /** The hit's best chunk, then the chunks after it under the same heading. */
  excerpt: string;
}

export interface PassageSearchOptions extends KnowledgeSearchOptions {
  /** How many chunks after the best one are appended (1 unless given; 0 keeps the best chunk alone). */
  following?: number;
  /**
   * Whether the best document's next best article follows it as a passage of its own (when it fits at least
   * `runnerUpRatio` as well): the right law is found far more often than its right article, and the answer
   * then takes its sentence from either. On unless false; distinct documents only when false.
   */
  runnerUp?: boolean;
}

/** A runner-up article fitting less than this share of the best one's fit is not worth a passage. */
export const runnerUpRatio = 0.5;

export interface PassageSearchDependencies {
  search(question: string, options: KnowledgeSearchOptions): Promise<KnowledgeSearchResult>;
  /** A document's chunks in order, as the knowledge base already holds them in memory. */
  chunksOf(documentId: string): readonly PassageChunk[];
}

const sameHeading = (left: string[], right: string[]) =>
  left.length === right.length && left.every((heading, index) => heading === right[index]);

/**
 * The hit's best chunk followed by up to `following` chunks after it under the same heading; the excerpt
 * alone when the best chunk cannot be found among the document's `chunks` (in order).
 */
export function passageText(
  hit: Pick<KnowledgeHit, 'excerpt' | 'headingPath'>,
  chunks: readonly PassageChunk[],
  following: number,
): string {
  if (following <= 0) return hit.excerpt;
  const index = chunks.findIndex((chunk) => chunk.text === hit.excerpt && sameHeading(chunk.headingPath, hit.headingPath));
  if (index < 0) return hit.excerpt;
  const texts = [hit.excerpt];
  for (const chunk of chunks.slice(index + 1, index + 1 + following)) {
    if (!sameHeading(chunk.headingPath, hit.headingPath)) break;
    texts.push(chunk.text);
  }
  return texts.join('\n');
}

/** Searches, then turns each hit into its passage, in the hits' order, so that passage n is source n. */
export function createPassageSearch(deps: PassageSearchDependencies) {
  return async function searchPassages(question: string, options: PassageSearchOptions = {}): Promise<KnowledgePassage[]> {
    const { following = 1, runnerUp = true, ...searchOptions } = options;
    const { hits } = await deps.search(question, searchOptions);
    const passages = hits.map((hit) => ({
      source: hit.source,
      title: hit.title,
      headingPath: hit.headingPath,
      excerpt: passageText(hit, deps.chunksOf(hit.documentId), following),
    }));
    const best = hits[0];
    if (runnerUp && best?.runnerUp && best.runnerUp.ratio >= runnerUpRatio) {
      const second = { ...best, headingPath: best.runnerUp.headingPath, excerpt: best.runnerUp.excerpt };
      passages.splice(1, 0, {
        ...passages[0]!,
        headingPath: second.headingPath,
        excerpt: passageText(second, deps.chunksOf(best.documentId), following),
      });
      // As many passages as asked for: the runner-up takes the last document's place.
      if (searchOptions.k !== undefined && passages.length > searchOptions.k) passages.length = searchOptions.k;
    }
    return passages;
  };
}
