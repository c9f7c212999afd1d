import type { Tokenizer } from '../../../knowledge/text/tokenizer';
import { generalWords, termsOfTopic } from '../tags/topic-terms';

export interface DutyUnit {
  id: string;
  name: string;
  duties: string;
  dutyTopics: readonly string[];
}

export interface DutyMatch {
  /** The unit's duty topic the taxonomy topic falls under, when one names it ("物业管理" for 物业服务). */
  dutyTopic: string | null;
}

/**
 * Whether a taxonomy topic lies within a unit's duties, read from the unit's `dutyTopics` and its duty
 * text. Words match whole or as the subject of a longer name (燃气 ⊂ 燃气供应, 物业 ⊂ 物业管理), never
 * through a general word: "住房" is in the housing bureau's duties and in 住房公积金, which is not.
 * A unit whose duties name no topic (a county: 辖区内各类民生诉求的属地办理) handles every topic.
 */
export function createDutyMatcher(deps: { tokenizer: Tokenizer }) {
  const meaningful = (term: string) => term.length >= 2 && !generalWords.has(term);
  const cache = new Map<string, { dutyTopics: string[]; dutyTerms: string[] }>();

  const termsOfUnit = (unit: DutyUnit) => {
    const key = `${unit.id}\n${unit.duties}\n${unit.dutyTopics.join('、')}`;
    let entry = cache.get(key);
    if (!entry) {
      const dutyTerms = [
        ...unit.dutyTopics,
        ...deps.tokenizer.tokens(unit.duties),
        ...unit.dutyTopics.flatMap((topic) => deps.tokenizer.tokens(topic)),
      ];
      entry = { dutyTopics: [...unit.dutyTopics], dutyTerms: [...new Set(dutyTerms.filter(meaningful))] };
      cache.set(key, entry);
    }
    return entry;
  };

  return (topic: string, unit: DutyUnit): DutyMatch | null => {
    const { dutyTopics, dutyTerms } = termsOfUnit(unit);
    if (dutyTopics.length === 0) return { dutyTopic: null };
    const topicTerms = [...new Set([topic, ...termsOfTopic(topic).map((entry) => entry.term), ...deps.tokenizer.tokens(topic)])].filter(
      meaningful,
    );
    const underDutyTopic = dutyTopics.find((dutyTopic) =>
      topicTerms.some((term) => term === dutyTopic || dutyTopic.includes(term) || (meaningful(dutyTopic) && term.includes(dutyTopic))),
    );
    if (underDutyTopic !== undefined) return { dutyTopic: underDutyTopic };
    const inDutyText = topicTerms.some(
      (term) =>
        dutyTerms.some((dutyTerm) => term === dutyTerm || term.includes(dutyTerm)) || (term.length >= 3 && unit.duties.includes(term)),
    );
    return inDutyText ? { dutyTopic: null } : null;
  };
}

export type DutyMatcher = ReturnType<typeof createDutyMatcher>;
