import type { Tokenizer } from '../../../text';
import { characterPairCounts } from '../../../text';
import type { TopicTagger } from '../tags/topic-tagger';
import { cleanAppealText } from '../text/clean-appeal-text';
import { isTopicalKeyword } from '../text/letter-words';
import { createDutyMatcher, type DutyUnit } from './duty-matcher';
import { summariseTopic } from './topic-summary';

export interface PeriodAppeal {
  id: string;
  title?: string | null;
  content: string;
  receivedAt: Date | string;
  /** Stored tags (appeal_insights.tags: topics, then keywords); computed when absent. */
  tags?: readonly string[] | null;
}

export interface HotTopic {
  topic: string;
  /** The unit's own duty topic this falls under, when one names it. */
  dutyTopic: string | null;
  count: number;
  /** Appeals weighted by recency: one received at the end of the period counts 1, one half-life earlier 0.5. */
  score: number;
  latestAt: string;
  /** The three appeals closest to the group's centre, the most typical of it, newest first. */
  appealIds: string[];
  /** Every appeal of the topic in the period, newest first. */
  memberIds: string[];
  keywords: string[];
  /** One to three sentences cut from the appeals: what is reported most, what is asked for, where (topic-summary.ts). */
  summary: string;
}

export interface HotTopicOptions {
  /** The end of the period; by default the latest appeal, so that the same input gives the same output. */
  now?: Date;
  halfLifeDays?: number;
  limit?: number;
  /** A topic needs this many appeals to be "high-frequency". */
  minimumCount?: number;
}

const dayInMilliseconds = 86_400_000;

export interface HotTopicDependencies {
  tokenizer: Tokenizer;
  tagger: TopicTagger;
}

export function createHotTopicFinder(deps: HotTopicDependencies) {
  const withinDuties = createDutyMatcher({ tokenizer: deps.tokenizer });
  const topics = new Set(deps.tagger.topics);

  /** The group's appeals, the closest to the group's centre (the most typical) first. */
  const byTypicality = (group: ReadonlyArray<{ appeal: PeriodAppeal; time: number }>) => {
    const vectors = group.map(({ appeal }) =>
      characterPairCounts(cleanAppealText(appeal.content), 1, characterPairCounts(cleanAppealText(appeal.title ?? ''), 2)),
    );
    const documentFrequency = new Map<string, number>();
    for (const vector of vectors)
      for (const bigram of vector.keys()) documentFrequency.set(bigram, (documentFrequency.get(bigram) ?? 0) + 1);
    const weighted = vectors.map((vector) => {
      const entries = [...vector].map(
        ([bigram, value]) =>
          [bigram, (1 + Math.log(value)) * Math.log((1 + group.length) / (1 + documentFrequency.get(bigram)!) + 1)] as const,
      );
      const norm = Math.sqrt(entries.reduce((sum, [, value]) => sum + value * value, 0)) || 1;
      return new Map(entries.map(([bigram, value]) => [bigram, value / norm]));
    });
    const centre = new Map<string, number>();
    for (const vector of weighted)
      for (const [bigram, value] of vector) centre.set(bigram, (centre.get(bigram) ?? 0) + value / weighted.length);
    return group
      .map((entry, index) => {
        let closeness = 0;
        for (const [bigram, value] of weighted[index]) closeness += value * (centre.get(bigram) ?? 0);
        return { appeal: entry.appeal, id: entry.appeal.id, closeness, time: entry.time };
      })
      .sort((left, right) => right.closeness - left.closeness || right.time - left.time || (left.id < right.id ? -1 : 1));
  };

  /**
   * The appeals of a period grouped by taxonomy topic, kept to the topics within the unit's duties, ranked
   * by recency-weighted count. Each appeal counts once, under its best tag within the unit's duties.
   */
  return (appeals: readonly PeriodAppeal[], unit: DutyUnit, options: HotTopicOptions = {}): HotTopic[] => {
    const halfLife = options.halfLifeDays ?? 30;
    const timed = appeals
      .map((appeal) => ({ appeal, time: new Date(appeal.receivedAt).getTime() }))
      .filter((entry) => Number.isFinite(entry.time));
    const now = options.now?.getTime() ?? Math.max(...timed.map((entry) => entry.time));
    const groups = new Map<string, { dutyTopic: string | null; members: typeof timed }>();
    for (const entry of timed) {
      const tags = entry.appeal.tags
        ? entry.appeal.tags.filter((tag) => topics.has(tag))
        : deps.tagger.tag(entry.appeal).map((tag) => tag.topic);
      for (const topic of tags) {
        const match = withinDuties(topic, unit);
        if (!match) continue;
        const group = groups.get(topic) ?? { dutyTopic: match.dutyTopic, members: [] };
        group.members.push(entry);
        groups.set(topic, group);
        break;
      }
    }
    return [...groups]
      .filter(([, group]) => group.members.length >= (options.minimumCount ?? 2))
      .map(([topic, group]) => {
        const score = group.members.reduce(
          (sum, { time }) => sum + Math.pow(0.5, Math.max(0, now - time) / dayInMilliseconds / halfLife),
          0,
        );
        const latest = Math.max(...group.members.map(({ time }) => time));
        const typical = byTypicality(group.members);
        // Codes such as "A7" (the source's anonymised places) and Latin words say nothing about the topic.
        const keywords = deps.tokenizer
          .keywords(group.members.map(({ appeal }) => cleanAppealText(`${appeal.title ?? ''}\n${appeal.content}`)).join('\n'), 10)
          .filter((keyword) => !topic.includes(keyword) && isTopicalKeyword(keyword))
          .slice(0, 3);
        return {
          topic,
          dutyTopic: group.dutyTopic,
          count: group.members.length,
          score: Math.round(score * 1000) / 1000,
          latestAt: new Date(latest).toISOString(),
          appealIds: typical
            .slice(0, 3)
            .sort((left, right) => right.time - left.time || (left.id < right.id ? -1 : 1))
            .map((entry) => entry.id),
          memberIds: [...group.members]
            .sort((left, right) => right.time - left.time || (left.appeal.id < right.appeal.id ? -1 : 1))
            .map((entry) => entry.appeal.id),
          keywords,
          summary: summariseTopic(typical.map((entry) => entry.appeal)),
        };
      })
      .sort((left, right) => right.score - left.score || right.count - left.count || (left.topic < right.topic ? -1 : 1))
      .slice(0, options.limit ?? 10);
  };
}

export type HotTopicFinder = ReturnType<typeof createHotTopicFinder>;
