import { classifyAppealType } from './classify-type';
import { hashedInteger, stableHash } from './stable-hash';
import type { AppealTopic, DemoAppeal, RepliedAppeal, Session, Unit } from './types';

export interface FittedAppeal {
  appeal: RepliedAppeal;
  unitId: string;
  topic: AppealTopic | null;
  category: string;
}

/**
 * Enough appeals for a session's "high-frequency appeals" to mean something, few enough that the busiest
 * bureaus do not swamp the column's statistics.
 */
export const maximumAppealsPerSession = 60;

const minimumReplyDelayDays = 3;
const maximumReplyDelayDays = 30;
const millisecondsPerDay = 24 * 60 * 60 * 1000;

/**
 * Keeps at most maximumAppealsPerSession per past session of each unit; which ones is decided by the hash
 * of the appeal id, an even sample that does not depend on the order of the source file. Emergencies are
 * so rare in the source that sampling would lose them, so they are kept first.
 */
export function capPerSession(
  fitted: FittedAppeal[],
  pastSessionsByUnit: Map<string, Session[]>,
): { kept: FittedAppeal[]; overCap: number } {
  const byUnit = new Map<string, FittedAppeal[]>();
  for (const entry of fitted) byUnit.set(entry.unitId, [...(byUnit.get(entry.unitId) ?? []), entry]);
  const kept: FittedAppeal[] = [];
  for (const [unitId, entries] of byUnit) {
    const limit = (pastSessionsByUnit.get(unitId)?.length ?? 0) * maximumAppealsPerSession;
    const isEmergency = (entry: FittedAppeal) => classifyAppealType(entry.appeal.title, entry.appeal.content) === '紧急件';
    const sample = [...entries].sort(
      (left, right) =>
        Number(isEmergency(right)) - Number(isEmergency(left)) ||
        stableHash(`sample:${left.appeal.id}`) - stableHash(`sample:${right.appeal.id}`),
    );
    kept.push(...sample.slice(0, limit));
  }
  return { kept, overCap: fitted.length - kept.length };
}

/** Source times carry no zone; read as UTC so that the machine's zone and its DST cannot shift a day. */
function parseSourceTime(time: string): number {
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/u.test(time) ? time : `${time}Z`);
}

/** The real gap between the appeal and its official reply, in whole days, kept within the column's range. */
function replyDelayDays(appeal: RepliedAppeal): number {
  const days = Math.floor((parseSourceTime(appeal.repliedAt) - parseSourceTime(appeal.createdAt)) / millisecondsPerDay);
  if (Number.isNaN(days)) return minimumReplyDelayDays;
  return Math.min(maximumReplyDelayDays, Math.max(minimumReplyDelayDays, days));
}

export function toDemoAppeal(entry: FittedAppeal, pastSessionsByUnit: Map<string, Session[]>, unitById: Map<string, Unit>): DemoAppeal {
  const { appeal } = entry;
  const sessions = pastSessionsByUnit.get(entry.unitId) ?? [];
  const unit = unitById.get(entry.unitId);
  if (sessions.length === 0 || unit === undefined) throw new Error(`appeal ${appeal.id}: unit ${entry.unitId} has no past session`);
  const session = sessions[hashedInteger(appeal.id, 'session', 0, sessions.length - 1)];
  return {
    id: `replied-${appeal.id}`,
    sourceId: appeal.id,
    source: 'tipdm-2020-replied',
    unitId: entry.unitId,
    sessionId: session.id,
    minutesIntoSession: hashedInteger(appeal.id, 'minute', 0, session.durationMinutes - 1),
    title: appeal.title,
    content: appeal.content,
    category: entry.category,
    type: classifyAppealType(appeal.title, appeal.content),
    topic: entry.topic?.level3 ?? null,
    reply: appeal.reply,
    replyUnit: unit.name,
    replyDelayDays: replyDelayDays(appeal),
    citizenLabel: '网友',
  };
}
