/**
 * A law's articles as units: each article's heading with all its paragraphs (an article may be cut into
 * several chunks), and how well each answers a question. The search picks a law's best chunk; the article
 * that answers an everyday question is often another one (eval:citizen: the right law is found far more often
 * than its right article), so the runner-up articles are chosen over whole articles, not chunks.
 */
import { createQuestionCues, createThesaurus, stripQuestionWords, textCharacterPairs, withoutFillers } from '../../text';
import type { PassageChunk } from './search-passages';

const articleHeading = /^第[一二三四五六七八九十百千零〇两\d]+条(之[一二三四五六七八九十]+)?$/u;

export const isArticleHeading = (heading: string | undefined): heading is string => heading !== undefined && articleHeading.test(heading);

export interface LawArticle {
  headingPath: string[];
  /** The article's paragraphs in order, as the chunks hold them. */
  text: string;
}

interface ArticleIndex {
  articles: LawArticle[];
  terms: Set<string>[];
  /** In how many of the law's articles each character pair occurs. */
  frequency: Map<string, number>;
  averageLength: number;
}

export interface ArticleScoring {
  /** Weight of the thesaurus' official terms for the question's everyday words, against its own words. */
  officialWeight: number;
  /** Weight of the words of the kind of answer asked for (多久 → 日内 期限; text/question-cues.txt). */
  cueWeight: number;
  /** Length normalisation (BM25's b): a long article holds many pairs without answering more. */
  lengthNormalisation: number;
}

export const defaultArticleScoring: ArticleScoring = { officialWeight: 0.2, cueWeight: 0.1, lengthNormalisation: 0.3 };

const officialTermsOf = createThesaurus();
const cuesOf = createQuestionCues();

/** Built once per document's chunk list (the knowledge base replaces the list when the document changes). */
const indexes = new WeakMap<readonly PassageChunk[], ArticleIndex>();

function indexOf(chunks: readonly PassageChunk[]): ArticleIndex {
  let index = indexes.get(chunks);
  if (index) return index;
  const byHeading = new Map<string, LawArticle>();
  for (const chunk of chunks) {
    const heading = chunk.headingPath.at(-1);
    if (!isArticleHeading(heading)) continue;
    const key = chunk.headingPath.join('\u0000');
    const article = byHeading.get(key);
    if (article) article.text += `\n${chunk.text}`;
    else byHeading.set(key, { headingPath: chunk.headingPath, text: chunk.text });
  }
  const articles = [...byHeading.values()];
  const terms = articles.map((article) => new Set(textCharacterPairs(article.text)));
  const frequency = new Map<string, number>();
  for (const set of terms) for (const term of set) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const averageLength = articles.reduce((sum, article) => sum + article.text.length, 0) / Math.max(articles.length, 1);
  index = { articles, terms, frequency, averageLength };
  indexes.set(chunks, index);
  return index;
}

/**
 * The law's articles ranked by how much of the question's weight they hold: the question's own character
 * pairs, the official terms of its everyday words and its answer-kind cues, each weighted by how rare it is
 * among the law's articles (a pair every article has, 用人单位 in a labour law, says nothing).
 */
export function rankArticles(
  question: string,
  chunks: readonly PassageChunk[],
  scoring: ArticleScoring = defaultArticleScoring,
): { article: LawArticle; score: number }[] {
  const { articles, terms, frequency, averageLength } = indexOf(chunks);
  if (articles.length === 0) return [];
  const own = new Set(textCharacterPairs(withoutFillers(stripQuestionWords(question))));
  const official = new Set(textCharacterPairs(officialTermsOf(question).join(' ')).filter((term) => !own.has(term)));
  const cues = new Set(textCharacterPairs(cuesOf(question).join(' ')).filter((term) => !own.has(term) && !official.has(term)));
  const weighted = [
    ...[...own].map((term) => [term, 1] as const),
    ...[...official].map((term) => [term, scoring.officialWeight] as const),
    ...[...cues].map((term) => [term, scoring.cueWeight] as const),
  ].flatMap(([term, weight]) => {
    const count = frequency.get(term);
    return count ? [{ term, weight: weight * Math.log((articles.length + 1) / (count + 0.5)) }] : [];
  });
  const { lengthNormalisation: b } = scoring;
  return articles
    .map((article, position) => {
      let score = 0;
      for (const { term, weight } of weighted) if (terms[position]!.has(term)) score += weight;
      return { article, score: score / (1 - b + (b * article.text.length) / averageLength) };
    })
    .sort((left, right) => right.score - left.score);
}
