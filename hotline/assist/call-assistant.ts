import { notFound } from '../../common';
import type { PolicyReference } from '../appeals/appeal-views';
import { isReplyPublished } from '../appeals/appeal-views';
import { findUnitHotTopics } from '../intelligence/appeal-insights';
import type { AppealIntelligence } from '../intelligence/appeal-intelligence';
import { tagsOf } from '../intelligence/appeal-intelligence';
import type { SimilarAppealIndex } from '../intelligence/similar/similar-appeal-index';
import type { Repositories } from '../../storage';
import { emergencyAdviceFor, emergencyKindOf } from '../emergency/emergency-advice';
import { handlingQuotes } from './handling-quotes';
import { agreesWithCall, callSimilarityThreshold, isCallLength } from './call-similarity';
import { policyQueries } from './policy-queries';

export interface CallAssistantDependencies {
  repositories: Repositories;
  intelligence: AppealIntelligence;
  findPolicies?: (query: string) => Promise<PolicyReference[]>;
  now?: () => Date;
  /** How long the index of past cases is reused before it is rebuilt with newer replies. */
  indexLifetimeMs?: number;
}

const similarCaseLimit = 3;

/**
 * Live help for an official during a call (接线中): what the caller says becomes a summary, category,
 * type and tags, the policy basis, similar past cases with their published replies, and suggested
 * handling quoted from those replies (each quote names its case). Nothing is invented: every quote is
 * a sentence of a real reply, and lists are empty when nothing clears its threshold.
 */
export function createCallAssistant(deps: CallAssistantDependencies) {
  const { repositories, intelligence } = deps;
  const now = deps.now ?? (() => new Date());
  const lifetime = deps.indexLifetimeMs ?? 10 * 60 * 1000;
  let cached: { index: SimilarAppealIndex; builtAt: number } | undefined;

  /** Past cases that have a published reply: those are the ones whose handling can be followed. */
  const pastCases = async () => {
    if (cached && now().getTime() - cached.builtAt < lifetime) return cached.index;
    const index = intelligence.createSimilarIndex();
    const time = now();
    const replied = (await repositories.appeals.list({ status: '已办结' }, { page: 1, pageSize: 100_000 })).items.filter((appeal) =>
      isReplyPublished(appeal, time),
    );
    index.addAll(replied.map(({ id, title, content }) => ({ id, title, content })));
    cached = { index, builtAt: time.getTime() };
    return index;
  };

  return {
    /** A reply was published or changed: the next analysis rebuilds the index, so it quotes the reply as it is now. */
    forgetPastCases: () => {
      cached = undefined;
    },

    /** Builds the index of past cases ahead of the first call (it takes a second or so). */
    warmUp: async () => {
      await pastCases();
    },

    async analyze(input: { text: string; unitId?: string | undefined }) {
      if (input.unitId && !(await repositories.units.get(input.unitId))) throw notFound('这个单位');
      const analysis = intelligence.analyse({ content: input.text });
      const index = await pastCases();
      // The summary stands in for the title a written appeal would have (the index weighs titles double).
      const call = isCallLength(input.text);
      const found = index.search(
        { title: analysis.summary, content: input.text },
        { limit: similarCaseLimit * (call ? 4 : 2), ...(call ? { threshold: callSimilarityThreshold } : {}) },
      );
      // Below the written appeals' threshold a case must share a topic with the call (call-similarity.ts).
      const caseTopics = call
        ? new Map((await repositories.appeals.getInsights(found.map((hit) => hit.id))).map((row) => [row.appealId, row.tags]))
        : undefined;
      const hits = caseTopics ? found.filter((hit) => agreesWithCall(hit, caseTopics.get(hit.id), analysis.tags)) : found;
      const rows = new Map((await repositories.appeals.getMany(hits.map((hit) => hit.id))).map((row) => [row.id, row]));
      const time = now();
      const cases = hits
        .flatMap((hit) => {
          const appeal = rows.get(hit.id);
          return appeal && isReplyPublished(appeal, time) ? [{ appeal, score: hit.score }] : [];
        })
        // The caller's own unit's past cases first: its handling is the one to follow.
        .sort(
          (left, right) =>
            Number(right.appeal.unitId === input.unitId) - Number(left.appeal.unitId === input.unitId) || right.score - left.score,
        )
        .slice(0, similarCaseLimit);
      let policyBasis: PolicyReference[] = [];
      for (const query of deps.findPolicies ? policyQueries(analysis) : []) {
        policyBasis = await deps.findPolicies!(query);
        if (policyBasis.length > 0) break;
      }
      const similarCases = cases.map(({ appeal, score }) => ({
        id: appeal.id,
        title: intelligence.maskPersonalData(appeal.title),
        content: intelligence.maskPersonalData(appeal.content),
        unitId: appeal.unitId,
        replyUnit: appeal.replyUnit,
        reply: intelligence.maskPersonalData(appeal.reply ?? ''),
        score: Number(score.toFixed(3)),
      }));
      const suggestedHandling = cases.flatMap(({ appeal }) =>
        handlingQuotes(appeal.reply ?? '').map((quote) => ({
          caseId: appeal.id,
          caseTitle: intelligence.maskPersonalData(appeal.title),
          quote,
        })),
      );
      return {
        summary: analysis.summary,
        category: analysis.category,
        type: analysis.type,
        tags: tagsOf(analysis),
        confidence: Number(analysis.confidence.toFixed(3)),
        // Danger happening now: what the official tells the caller first (numbers, the safe action).
        urgentAdvice: analysis.type === '紧急件' ? emergencyAdviceFor(emergencyKindOf(input.text)) : null,
        policyBasis,
        similarCases,
        suggestedHandling,
      };
    },

    /** The high-frequency appeals within a unit's duties, each with three representative appeals (masked). */
    async hotTopics(unitId: string, period: { from?: Date | undefined; to?: Date | undefined }) {
      const unit = await repositories.units.get(unitId);
      if (!unit) throw notFound('这个单位');
      const topics = await findUnitHotTopics(repositories.appeals, intelligence, unit, {
        ...(period.from ? { from: period.from } : {}),
        ...(period.to ? { to: period.to } : {}),
      });
      const appeals = new Map((await repositories.appeals.getMany(topics.flatMap((topic) => topic.memberIds))).map((row) => [row.id, row]));
      return topics.map((topic) => ({
        topic: topic.topic,
        dutyTopic: topic.dutyTopic,
        count: topic.count,
        latestAt: topic.latestAt,
        summary: intelligence.maskPersonalData(topic.summary),
        keywords: topic.keywords,
        // Every appeal of the topic, newest first; the three most typical of it are marked.
        appeals: topic.memberIds.flatMap((id) => {
          const appeal = appeals.get(id);
          return appeal
            ? [
                {
                  id,
                  typical: topic.appealIds.includes(id),
                  title: intelligence.maskPersonalData(appeal.title),
                  excerpt: intelligence.maskPersonalData(appeal.content).slice(0, 80),
                  receivedAt: appeal.receivedAt.toISOString(),
                },
              ]
            : [];
        }),
      }));
    },
  };
}

export type CallAssistant = ReturnType<typeof createCallAssistant>;
