import type { AppealFilter, AppealText, AppealsRepository, NewAppealInsight } from '../../storage';
import type { DatabaseHandle } from '../../storage';
import { createRepositories } from '../../storage';
import { tagsOf, type AppealIntelligence } from './appeal-intelligence';
import type { DutyUnit } from './hot-topics/duty-matcher';
import type { HotTopic, HotTopicOptions } from './hot-topics/hot-topics';

/** How many similar past appeals an insight keeps (the detail page shows them, best first). */
export const similarAppealLimit = 5;

export interface InsightOptions {
  /** The past appeals to find similar ones among; by default the appeals themselves. */
  corpus?: readonly AppealText[];
}

/**
 * The insights of appeals, ready for appeal_insights: category, type, tags (topics, then keywords), a
 * masked one-sentence summary and the similar past appeals that clear the threshold (none when nothing
 * does). Related policies stay empty until the knowledge base answers for them. Pure: reads nothing.
 */
export function computeAppealInsights(
  intelligence: AppealIntelligence,
  appeals: readonly AppealText[],
  options: InsightOptions = {},
): NewAppealInsight[] {
  const index = intelligence.createSimilarIndex();
  index.addAll(options.corpus ?? appeals);
  return appeals.map((appeal) => {
    const analysis = intelligence.analyse(appeal);
    return {
      appealId: appeal.id,
      category: analysis.category,
      type: analysis.type,
      tags: tagsOf(analysis),
      summary: analysis.summary,
      policyRefs: [],
      similarIds: index.search(appeal, { excludeIds: [appeal.id], limit: similarAppealLimit }).map((hit) => hit.id),
      model: intelligence.model,
    };
  });
}

export interface ReinsightResult {
  appeals: number;
  insights: number;
  model: string;
}

/**
 * Recomputes the insight of every stored appeal (after a new model, or to fill gaps). The texts are read
 * first and the insights computed outside any transaction; they are written in one transaction, so a
 * crash leaves the previous insights as they were.
 */
export async function recomputeAllInsights(database: DatabaseHandle, intelligence: AppealIntelligence): Promise<ReinsightResult> {
  const appeals = await createRepositories(database.db).appeals.listTexts();
  const insights = computeAppealInsights(intelligence, appeals);
  await database.db.transaction(async (transaction) => {
    await createRepositories(transaction).appeals.saveInsights(insights);
  });
  return { appeals: appeals.length, insights: insights.length, model: intelligence.model };
}

export interface UnitHotTopicsQuery extends HotTopicOptions {
  /** Received at or after. */
  from?: Date;
  /** Received strictly before. */
  to?: Date;
}

/**
 * The hot topics a unit's leader should see: a city bureau sees every appeal of the period that falls
 * within its duties, whoever it was assigned to (citizens do not know which bureau handles what); a
 * county, whose duties are every matter within its territory, sees its own appeals. Stored tags are used
 * where insights exist.
 */
export async function findUnitHotTopics(
  appeals: AppealsRepository,
  intelligence: AppealIntelligence,
  unit: DutyUnit & { kind: string },
  query: UnitHotTopicsQuery = {},
): Promise<HotTopic[]> {
  const { from, to, ...options } = query;
  const filter: AppealFilter = { from, to, unitId: unit.kind === 'county' ? unit.id : undefined };
  const rows = await appeals.listWithTags(filter);
  return intelligence.hotTopics(rows, unit, { now: to, ...options });
}
