import { maskPersonalData as maskNumbersAndAddresses } from '../intelligence/privacy/mask-personal-data';
import { maskCitizenLabel, maskCuedNames } from './name-mask';
import type { Appeal, AppealInsight } from '../../storage';

/** Every public text of an appeal: numbers and addresses masked, and names written after a cue. */
const maskPersonalData = (text: string) => maskCuedNames(maskNumbersAndAddresses(text));

/** A policy passage related to an appeal, as the knowledge base returns it. */
export interface PolicyReference {
  source: string;
  title: string;
  headingPath: string[];
  excerpt: string;
}

const excerptLength = 80;

/** China's calendar day of a moment, YYYY-MM-DD. */
export const chinaDay = (moment: Date) => new Date(moment.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** The reply is shown once it is published: the case is closed and the reply date has come. */
export const isReplyPublished = (appeal: Appeal, now: Date) =>
  appeal.status === '已办结' && appeal.reply !== null && appeal.reply.trim() !== '' && appeal.repliedAt !== null && appeal.repliedAt <= now;

function excerptOf(text: string): string {
  const masked = maskPersonalData(text).replace(/\s+/g, ' ').trim();
  return [...masked].length > excerptLength ? `${[...masked].slice(0, excerptLength).join('')}…` : masked;
}

/** A reply's opening words for a list, without the salutation every reply starts with (网友：您好！, “UU0082241”您好！). */
const replyExcerptOf = (reply: string) =>
  excerptOf(reply.replace(/^\s*[^：:\n]{0,12}[：:][\s\u3000]*/u, '').replace(/^[^，。！\n]{0,20}(您好|你好)[！!，,。：:\s\u3000]*/u, ''));

/**
 * What the public sees of an appeal in a list. Every text goes through the PII mask; the category and
 * type are the ones filed, else the classifier's.
 */
export function appealListItem(
  appeal: Appeal,
  unitName: string | undefined,
  sessionDate: string | undefined,
  insight: AppealInsight | undefined,
  now: Date,
) {
  return {
    id: appeal.id,
    title: maskPersonalData(appeal.title),
    excerpt: excerptOf(appeal.content),
    unit: appeal.unitId ? { id: appeal.unitId, name: unitName ?? appeal.unitId } : null,
    receivedAt: appeal.receivedAt.toISOString(),
    sessionDate: sessionDate ?? null,
    category: appeal.category ?? insight?.category ?? null,
    type: appeal.type ?? insight?.type ?? null,
    status: appeal.status,
    hasReply: isReplyPublished(appeal, now),
    replyExcerpt: isReplyPublished(appeal, now) ? replyExcerptOf(appeal.reply!) : null,
  };
}

export interface SimilarAppealView {
  id: string;
  title: string;
  excerpt: string;
  status: string;
}

export const similarAppealView = (appeal: Appeal): SimilarAppealView => ({
  id: appeal.id,
  title: maskPersonalData(appeal.title),
  excerpt: excerptOf(appeal.content),
  status: appeal.status,
});

/** The public detail page: masked content, the reply only once published, and the insights. */
export function appealDetail(
  appeal: Appeal,
  context: {
    unitName?: string;
    sessionDate?: string;
    insight?: AppealInsight;
    relatedPolicies: PolicyReference[];
    similar: SimilarAppealView[];
    now: Date;
  },
) {
  const published = isReplyPublished(appeal, context.now);
  return {
    ...appealListItem(appeal, context.unitName, context.sessionDate, context.insight, context.now),
    content: maskPersonalData(appeal.content),
    citizen: appeal.citizenLabel ? maskCitizenLabel(maskPersonalData(appeal.citizenLabel)) : null,
    replyUnit: published ? appeal.replyUnit : null,
    reply: published ? maskPersonalData(appeal.reply!) : null,
    repliedAt: published ? appeal.repliedAt!.toISOString() : null,
    insights: {
      category: context.insight?.category ?? appeal.category ?? null,
      type: context.insight?.type ?? appeal.type ?? null,
      tags: context.insight?.tags ?? [],
      summary: context.insight?.summary ? maskPersonalData(context.insight.summary) : null,
      relatedPolicies: context.relatedPolicies,
      similarAppeals: context.similar,
    },
  };
}
