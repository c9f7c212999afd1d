import { categoryByOtherLevel1, categoryByTopicPath, unitForTopic } from './topic-units';
import { indexTerms, scoreVocabulary } from './term-occurrences';
import type { TopicMatch, TopicMatcher } from './topic-matcher';
import type { UnitVocabulary } from './unit-vocabulary';
import type { AppealTopic, ColumnTaxonomy, Unit } from './types';

/** One title hit of an ordinary term, or three body hits: less than that is too thin to route an appeal on. */
export const minimumFitScore = 3;
/**
 * Without a duty word in the title, the body must point at one unit clearly (background and place names in
 * the body name many things), so it needs this score and twice the runner-up's.
 */
export const minimumBodyOnlyScore = 8;
const bodyOnlyLeadFactor = 2;
/** A topic word met once in a long body is often background ("…我家是低保户…"), not what the appeal is about. */
const minimumTopicScore = 2;

/**
 * An appeal about a village, township, street or neighbourhood matter, which a county or district
 * government handles on the spot (属地办理) when no municipal bureau's duties cover it. "城乡", "城镇" and
 * "家乡" are not places.
 */
const localMatterPattern = /村|(?<![城家])乡|(?<!城)镇|街道|社区|居委会/u;

/**
 * 住房公积金 belongs to the provident-fund centre, and the housing bureau's session must never be shown
 * provident-fund appeals. An appeal with 公积金 in its title goes to the centre; one that mentions it only
 * in the body or whose reply does (a developer who blocked a fund loan; 廉租房 eligibility proven by fund
 * payments) but otherwise fits the housing bureau mixes both duties, so it is left out of the demo rather
 * than shown to either.
 */
const providentFundPattern = /公积金/u;
const providentFundUnitId = 'gjj';
const housingBureauUnitId = 'zjj';

export type UnitFit =
  | {
      kind: 'municipal';
      unitId: string;
      score: number;
      topic: AppealTopic | null;
      category: string;
    }
  | { kind: 'local'; topic: AppealTopic | null; category: string }
  | { kind: 'none'; reason: 'no-fit' | 'ambiguous' | 'housing-and-provident-fund' };

export interface UnitAssignerOptions {
  units: Unit[];
  columnTaxonomy: ColumnTaxonomy;
  topicMatcher: TopicMatcher;
  vocabularies: Map<string, UnitVocabulary>;
  defaultCategoryByUnit: Record<string, string>;
}

export interface UnitAssigner {
  /** The reply is only read for the housing/provident-fund rule: the official answer never routes an appeal. */
  fit(title: string, content: string, reply: string): UnitFit;
}

export function createUnitAssigner(options: UnitAssignerOptions): UnitAssigner {
  const { units, columnTaxonomy, topicMatcher, vocabularies, defaultCategoryByUnit } = options;
  const municipalUnits = units.filter((unit) => unit.kind === 'municipal');

  function categoryOfTopic(topic: AppealTopic): string | null {
    return (
      categoryByTopicPath[`${topic.level1}/${topic.level2}/${topic.level3}`] ??
      columnTaxonomy.fromTipdmLabels[topic.level1] ??
      categoryByOtherLevel1[topic.level1] ??
      null
    );
  }

  const allTerms = new Set([...vocabularies.values()].flatMap((vocabulary) => [...vocabulary.keys()]));

  /** Municipal units best first; on equal scores the one with more title evidence. */
  function rankUnits(title: string, content: string) {
    const titleIndex = indexTerms(title, allTerms);
    const contentIndex = indexTerms(content, allTerms);
    return municipalUnits
      .map((unit) => {
        const vocabulary = vocabularies.get(unit.id) ?? new Map<string, number>();
        return {
          unitId: unit.id,
          ...scoreVocabulary(vocabulary, titleIndex, contentIndex),
        };
      })
      .sort((left, right) => right.score - left.score || right.titleScore - left.titleScore);
  }

  const topicsByUnit = new Map<string, AppealTopic[]>();
  for (const topic of topicMatcher.topics) {
    const unitId = unitForTopic(topic);
    if (unitId !== null) topicsByUnit.set(unitId, [...(topicsByUnit.get(unitId) ?? []), topic]);
  }

  /**
   * The best topic filed under the unit; a unit with a single topic name (the provident-fund centre:
   * 住房公积金) gets it even when the appeal says it another way ("公积金贷款").
   */
  function bestTopicFor(unitId: string, matches: TopicMatch[]): AppealTopic | null {
    const matched = matches.find((match) => match.score >= minimumTopicScore && unitForTopic(match.topic) === unitId);
    if (matched !== undefined) return matched.topic;
    const unitTopics = topicsByUnit.get(unitId) ?? [];
    const names = new Set(unitTopics.map((topic) => topic.level3));
    return names.size === 1 ? unitTopics[0] : null;
  }

  return {
    fit(title, content, reply) {
      const ranked = rankUnits(title, content);
      const topicMatches = topicMatcher.match(title, content);
      const best = providentFundPattern.test(title) ? ranked.find((entry) => entry.unitId === providentFundUnitId) : ranked[0];
      if (best?.unitId === housingBureauUnitId && (providentFundPattern.test(content) || providentFundPattern.test(reply))) {
        return { kind: 'none', reason: 'housing-and-provident-fund' };
      }
      const runnerUp = ranked.find((entry) => entry !== best);
      const runnerUpScore = runnerUp?.score ?? 0;
      const clearFromTitle = best !== undefined && best.titleScore > 0 && best.score >= minimumFitScore;
      const clearFromBody = best !== undefined && best.score >= minimumBodyOnlyScore && best.score >= bodyOnlyLeadFactor * runnerUpScore;
      const someFit = best !== undefined && best.score >= minimumFitScore;
      const tiedWithRunnerUp = best !== undefined && best.score === runnerUpScore && best.titleScore === runnerUp?.titleScore;
      if (!tiedWithRunnerUp && (clearFromTitle || clearFromBody)) {
        const topic = bestTopicFor(best.unitId, topicMatches);
        const category = (topic && categoryOfTopic(topic)) ?? defaultCategoryByUnit[best.unitId] ?? '其他';
        return {
          kind: 'municipal',
          unitId: best.unitId,
          score: best.score,
          topic,
          category,
        };
      }
      if (localMatterPattern.test(title)) {
        // No unit vouches for the topic here, so it must be as clear as a unit fit would have to be.
        const topic = topicMatches.find((match) => match.score >= minimumFitScore)?.topic ?? null;
        const categoryOfBestUnit = someFit ? defaultCategoryByUnit[best.unitId] : undefined;
        const category = (topic && categoryOfTopic(topic)) ?? categoryOfBestUnit ?? '其他';
        return { kind: 'local', topic, category };
      }
      return { kind: 'none', reason: someFit ? 'ambiguous' : 'no-fit' };
    },
  };
}
