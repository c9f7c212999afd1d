import { everydayCuesByUnit } from './unit-cues';
import { searchTermsFor, splitDutiesText } from './text-terms';
import type { TopicMatcher } from './topic-matcher';
import { unitForTopic } from './topic-units';
import type { AppealTopic, Unit } from './types';

/**
 * Taxonomy words that say how something is wrong rather than which duty it concerns ("收费标准" is as
 * likely about parking as about schools), so they do not point to the unit their topic is filed under.
 */
const domainNeutralTopicTerms = new Set([
  '收费标准',
  '乱收费',
  '审批手续',
  '规划',
  '规划设计',
  '规划建设',
  '工程建设',
  '工程建设管理',
  '安全防护',
  '福利待遇',
  '经营管理',
  '职工待遇',
  '设施维护',
  '行业监管',
  '事故处理',
  '工资福利',
  '疫情防控',
]);

/** The topics named as a unit's focus are the strongest sign that an appeal belongs to it. */
const dutyTopicWeight = 2;
const otherTermWeight = 1;

export type UnitVocabulary = Map<string, number>;

/**
 * Each municipal unit's weighted words: its dutyTopics (and their stripped forms), the terms of its duties
 * text, the everyday words for those duties, and the words of the taxonomy topics mapped to it.
 */
export function buildUnitVocabularies(units: Unit[], topics: AppealTopic[], topicMatcher: TopicMatcher): Map<string, UnitVocabulary> {
  const vocabularies = new Map<string, UnitVocabulary>();
  for (const unit of units) {
    if (unit.kind !== 'municipal') continue;
    const vocabulary: UnitVocabulary = new Map();
    const add = (term: string, weight: number) => vocabulary.set(term, Math.max(vocabulary.get(term) ?? 0, weight));
    // Only the dutyTopic as written weighs double: its stripped form ("医疗" from "医疗服务") is broader.
    for (const dutyTopic of unit.dutyTopics) {
      for (const term of searchTermsFor(dutyTopic)) add(term, term === dutyTopic ? dutyTopicWeight : otherTermWeight);
    }
    for (const term of splitDutiesText(unit.duties)) add(term, otherTermWeight);
    for (const term of everydayCuesByUnit[unit.id] ?? []) add(term, otherTermWeight);
    for (const topic of topics) {
      if (unitForTopic(topic) !== unit.id) continue;
      for (const term of topicMatcher.termsOf(topic)) {
        if (!domainNeutralTopicTerms.has(term)) add(term, otherTermWeight);
      }
    }
    vocabularies.set(unit.id, vocabulary);
  }
  return vocabularies;
}
