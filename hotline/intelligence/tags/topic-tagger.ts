import { cleanAppealText } from '../text/clean-appeal-text';
import type { AppealTopic } from './appeal-topics';
import { countLongestOccurrences } from './term-occurrences';
import { termsOfTopic, type WeightedTerm } from './topic-terms';

export interface TopicTag {
  /** The level-3 topic name, e.g. 物业服务. */
  topic: string;
  /** Its first level in the taxonomy (the first branch it is filed under). */
  level1: string;
  score: number;
}

export interface TopicTaggerOptions {
  maximumTags: number;
  /** A tag needs at least this score: one body mention of an everyday word (2) is not enough, two are. */
  minimumScore: number;
  /** When no topic clears `minimumScore`, the best one still stands if it reaches this (one mention). */
  fallbackScore: number;
  /** …and at least this share of the best tag's score, so that a passing mention does not ride along. */
  minimumShareOfBest: number;
}

export const defaultTopicTaggerOptions: TopicTaggerOptions = {
  maximumTags: 3,
  minimumScore: 3,
  fallbackScore: 2,
  minimumShareOfBest: 0.34,
};

/** The title says what the appeal is about; a long body repeats itself. */
const titleWeight = 3;
const maximumBodyCount = 3;

export function createTopicTagger(deps: { topics: readonly AppealTopic[]; options?: TopicTaggerOptions }) {
  const options = deps.options ?? defaultTopicTaggerOptions;
  const level1ByTopic = new Map<string, string>();
  for (const topic of deps.topics)
    if (topic.level3 !== '其他' && !level1ByTopic.has(topic.level3)) level1ByTopic.set(topic.level3, topic.level1);
  const termsByTopic = new Map<string, WeightedTerm[]>([...level1ByTopic.keys()].map((topic) => [topic, termsOfTopic(topic)]));
  const allTerms = [...new Set([...termsByTopic.values()].flat().map((entry) => entry.term))];

  const tag = (input: { title?: string | null; content: string }): TopicTag[] => {
    const titleCounts = countLongestOccurrences(cleanAppealText(input.title ?? ''), allTerms);
    const bodyCounts = countLongestOccurrences(cleanAppealText(input.content), allTerms);
    const scored: TopicTag[] = [];
    for (const [topic, terms] of termsByTopic) {
      let score = 0;
      for (const { term, weight } of terms) {
        score += weight * (titleWeight * (titleCounts.get(term) ?? 0) + Math.min(bodyCounts.get(term) ?? 0, maximumBodyCount));
      }
      if (score > 0) scored.push({ topic, level1: level1ByTopic.get(topic)!, score });
    }
    // Array.prototype.sort is stable: equal scores keep the taxonomy's order.
    scored.sort((left, right) => right.score - left.score);
    const best = scored[0]?.score ?? 0;
    const tags = scored
      .filter((entry) => entry.score >= options.minimumScore && entry.score >= best * options.minimumShareOfBest)
      .slice(0, options.maximumTags);
    return tags.length === 0 && best >= options.fallbackScore ? [scored[0]] : tags;
  };

  return { tag, topics: [...level1ByTopic.keys()] };
}

export type TopicTagger = ReturnType<typeof createTopicTagger>;
