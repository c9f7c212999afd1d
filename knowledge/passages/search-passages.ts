/**
 * Policy passages for answers. A hit carries only its best chunk (at most ~400 characters), and the answer
 * often runs on into the next chunk of the same document, so each passage is the best chunk followed by the
 * chunks after it under the same heading (a law article's neighbour is another article, which the hit's
 * heading path would mis-cite).
 */
import type { KnowledgeHit, KnowledgeSearchOptions, KnowledgeSearchResult } from '../search-results';
import { defaultArticleScoring, isArticleHeading, rankArticles, type ArticleScoring } from './law-articles';

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
   * Whether the best law's next best articles follow it as passages of their own (each a whole article, ranked
   * over the law's articles by the question's words, fitting at least `runnerUpRatio` as well as the best):
   * the right law is found far more often than its right article, and the answer then takes its sentence
   * from any of them. They take the places of the last documents. On unless false; distinct documents only
   * when false.
   */
  runnerUp?: boolean;
  /**
   * How many runner-up articles at most (1 unless given). With the composer's article turn, eval:citizen
   * containment went from 0.484 to 0.577 on the public set, 0.370 → 0.407 and 0.320 → 0.340 on our held-out
   * sets; 2 gave 0.582 / 0.407 / 0.360 but pushed the second document out of the sources.
   */
  runnerUps?: number;
  articleScoring?: ArticleScoring;
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
    const { following = 1, runnerUp = true, runnerUps = 1, articleScoring = defaultArticleScoring, ...searchOptions } = options;
    const { hits } = await deps.search(question, searchOptions);
    const passages = hits.map((hit) => ({
      source: hit.source,
      title: hit.title,
      headingPath: hit.headingPath,
      excerpt: passageText(hit, deps.chunksOf(hit.documentId), following),
    }));
    const best = hits[0];
    if (!runnerUp || !best) return passages;
    const chunks = deps.chunksOf(best.documentId);
    const ranked = isArticleHeading(best.headingPath.at(-1)) ? rankArticles(question, chunks, articleScoring) : [];
    let seconds: KnowledgePassage[] = [];
    if (ranked.length > 1) {
      // The law's other articles as whole units (heading and every paragraph), ranked by the question's words.
      const bestKey = best.headingPath.join('\u0000');
      const bestScore = ranked.find(({ article }) => article.headingPath.join('\u0000') === bestKey)?.score ?? 0;
      const top = Math.max(bestScore, ranked[0]!.score);
      seconds = ranked
        .filter(({ article, score }) => article.headingPath.join('\u0000') !== bestKey && top > 0 && score >= runnerUpRatio * top)
        .slice(0, runnerUps)
        .map(({ article }) => ({ ...passages[0]!, headingPath: article.headingPath, excerpt: article.text }));
    }
    if (seconds.length === 0 && best.runnerUp && best.runnerUp.ratio >= runnerUpRatio) {
      // The search's own runner-up (its best chunk of another article) when the articles could not be ranked.
      const second = { ...best, headingPath: best.runnerUp.headingPath, excerpt: best.runnerUp.excerpt };
      seconds = [{ ...passages[0]!, headingPath: second.headingPath, excerpt: passageText(second, chunks, following) }];
    }
    passages.splice(1, 0, ...seconds);
    // As many passages as asked for: the runner-ups take the last documents' places.
    if (searchOptions.k !== undefined && passages.length > searchOptions.k) passages.length = searchOptions.k;
    return passages;
  };
}
