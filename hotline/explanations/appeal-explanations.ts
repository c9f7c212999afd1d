import { AppError } from '../../common';
import type { AppealQueries } from '../appeals/appeal-queries';
import { explanationNotice, type AppealExplanation, type ExplanationMaterial } from './explanation-types';
import { modelExplanation, type CompleteChat } from './model-explanation';
import { offlineExplanation } from './offline-explanation';

export interface AppealExplanationsDependencies {
  /** The public detail of an appeal (masked text, the reply once published, related passages over the threshold). */
  detail: AppealQueries['detail'];
  /** A chat model when one is configured; without it (or when it fails) the explanation is built offline. */
  complete?: CompleteChat | undefined;
  logger?: { warn(object: object, message: string): void };
}

export const noPublishedReply = '这条诉求的答复还没有公开，暂时没有AI详解。答复公开后再来看吧。';

/**
 * AI详解: the official reply of an appeal explained for the citizen — what was decided, what they can do next,
 * which rule it rests on — from the reply and the related policy passages alone, each point with its quote.
 * 404 for an unknown appeal, 409 while its reply is not published.
 */
export function createAppealExplanations(deps: AppealExplanationsDependencies) {
  return {
    async explain(appealId: string): Promise<AppealExplanation> {
      const detail = await deps.detail(appealId);
      if (!detail.reply) throw new AppError('CONFLICT', noPublishedReply);
      const material: ExplanationMaterial = {
        appealId: detail.id,
        title: detail.title,
        content: detail.content,
        reply: detail.reply,
        replyUnit: detail.replyUnit,
        policies: detail.insights.relatedPolicies,
      };
      if (deps.complete) {
        try {
          const points = await modelExplanation(material, deps.complete);
          if (points.length > 0) return { appealId: detail.id, title: detail.title, points, writtenBy: 'model', notice: explanationNotice };
        } catch (error) {
          deps.logger?.warn({ err: error, appealId }, 'model explanation failed; explaining offline');
        }
      }
      return {
        appealId: detail.id,
        title: detail.title,
        points: offlineExplanation(material),
        writtenBy: 'offline',
        notice: explanationNotice,
      };
    },
  };
}

export type AppealExplanations = ReturnType<typeof createAppealExplanations>;
