import type { Unit } from '../../storage';

/**
 * Two to four questions a citizen who just voted for a unit might ask Xiaoning instead of waiting for the
 * session (无感引导): built from the unit's duty topics, so each is answerable from its duties.
 */
export function voteSuggestions(unit: Pick<Unit, 'name' | 'dutyTopics' | 'duties'>): string[] {
  const topics = unit.dutyTopics.length > 0 ? unit.dutyTopics : unit.duties.split(/[；;，,、。]/).map((part) => part.trim());
  const distinct = [...new Set(topics.filter((topic) => topic.length >= 2 && topic.length <= 12))];
  const questions = distinct
    .slice(0, 2)
    .map((topic, index) => (index === 0 ? `${topic}有哪些政策规定？` : `${topic}方面的问题可以找谁反映？`));
  questions.push(`${unit.name}什么时候来接听12345热线？`);
  questions.push(distinct[2] ? `关于${distinct[2]}，以前有人反映过类似问题吗？` : `${unit.name}主要负责哪些事情？`);
  return questions.slice(0, 4);
}
