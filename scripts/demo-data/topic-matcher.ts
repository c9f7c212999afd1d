import { everydayWordsByTopic } from '../../text/topic-aliases';
import { searchTermsFor, weightedOccurrences } from './text-terms';
import type { AppealTopic } from './types';

export interface TopicMatch {
  topic: AppealTopic;
  score: number;
}

export interface TopicMatcher {
  readonly topics: readonly AppealTopic[];
  /** Every level-3 topic whose words occur in the appeal, best first (ties keep the taxonomy's order). */
  match(title: string, content: string): TopicMatch[];
  termsOf(topic: AppealTopic): string[];
}

/**
 * "机动车和驾驶员管理" names two things, each searched on its own as well; "房产证登记、办理" is a list, never
 * written as one phrase, so only its parts are searched.
 */
function topicTerms(level3: string): string[] {
  const parts = level3.split(/[、和与]/u).filter((part) => part !== '');
  const phrases = level3.includes('、') ? parts : [level3, ...parts];
  return [...new Set([...phrases.flatMap(searchTermsFor), ...(everydayWordsByTopic[level3] ?? [])])];
}

export function createTopicMatcher(topics: AppealTopic[]): TopicMatcher {
  const searchable = topics
    .filter((topic) => topic.level3 !== '其他')
    .map((topic) => ({ topic, terms: topicTerms(topic.level3) }))
    .filter((entry) => entry.terms.length > 0);
  const termsByTopic = new Map(searchable.map((entry) => [entry.topic, entry.terms]));

  return {
    topics,
    match(title, content) {
      const matches: TopicMatch[] = [];
      for (const entry of searchable) {
        const score = entry.terms.reduce((sum, term) => sum + weightedOccurrences(title, content, term), 0);
        if (score > 0) matches.push({ topic: entry.topic, score });
      }
      // Array.prototype.sort is stable, so equal scores stay in taxonomy order.
      return matches.sort((left, right) => right.score - left.score);
    },
    termsOf(topic) {
      return termsByTopic.get(topic) ?? [];
    },
  };
}
