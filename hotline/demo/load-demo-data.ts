import { createTokenizer } from '../../text';
import type { DatabaseHandle } from '../../storage';
import { loadAppealIntelligence, type AppealIntelligence } from '../intelligence/appeal-intelligence';
import { computeAppealInsights } from '../intelligence/appeal-insights';
import { createRepositories } from '../../storage';
import { addDays, addMinutes, sessionStart } from './demo-calendar';
import type { DemoData } from './demo-data-files';

const markerKey = 'demo-data-loaded-at';

export interface DemoLoadResult {
  loaded: boolean;
  units: number;
  previews: number;
  polls: number;
  appeals: number;
}

export interface DemoLoadOptions {
  /** Computes the appeals' insights; by default the committed model with a new tokenizer (~0.3 s). */
  intelligence?: AppealIntelligence;
}

/**
 * Loads the demo data set in one transaction: a crash part-way leaves nothing behind, and the marker row,
 * claimed first inside the same transaction, makes a second load (or a concurrent one) a no-op.
 * Dates are placed relative to `now`, so "upcoming" is always upcoming. The appeals' insights (category,
 * type, tags, summary, similar appeals) are computed before the transaction opens, so that it stays short,
 * and stored inside it with everything else.
 */
export async function loadDemoData(
  database: DatabaseHandle,
  data: DemoData,
  now: Date = new Date(),
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  const notLoaded = { loaded: false, units: 0, previews: 0, polls: 0, appeals: 0 };
  // A cheap look first, so that a second load does not compute insights for nothing; the claim below decides.
  if ((await createRepositories(database.db).appMeta.get(markerKey)) !== undefined) return notLoaded;
  const intelligence = options.intelligence ?? loadAppealIntelligence({ tokenizer: createTokenizer() });
  const insights = computeAppealInsights(intelligence, data.appeals);

  return database.db.transaction(async (transaction) => {
    const repositories = createRepositories(transaction);
    const claimed = await repositories.appMeta.getOrInsert(markerKey, now.toISOString());
    if (claimed !== now.toISOString()) return notLoaded;

    const units = await repositories.units.insertMissing(data.units);
    const unitNames = new Map(data.units.map((unit) => [unit.id, unit.name]));

    const starts = new Map(
      data.sessions.map((session) => [session.id, sessionStart(now, session.weekOffset, session.weekday, session.startTime)]),
    );
    const previews = await repositories.previews.insertMissing(
      data.sessions.map((session) => {
        const startsAt = starts.get(session.id)!;
        return {
          id: session.id,
          unitId: session.unitId,
          startsAt,
          endsAt: addMinutes(startsAt, session.durationMinutes),
          leaderTitle: session.leaderTitle,
          scope: session.scope,
          howToJoin: session.howToJoin,
          published: true,
          channels: session.channels,
        };
      }),
    );

    const pollCreated = await repositories.polls.insertMissing(
      {
        id: data.poll.id,
        title: data.poll.title,
        opensAt: addDays(now, data.poll.opensDaysOffset),
        closesAt: addDays(now, data.poll.closesDaysOffset),
        status: 'open',
      },
      data.poll.unitIds,
    );

    const appeals = await repositories.appeals.insertMissing(
      data.appeals.map((appeal) => {
        const start = starts.get(appeal.sessionId);
        if (!start) throw new Error(`demo appeal ${appeal.id} names unknown session ${appeal.sessionId}`);
        const repliedAt = addDays(start, appeal.replyDelayDays);
        // A reply dated in the future is not published yet: the case is still being handled.
        const published = repliedAt.getTime() <= now.getTime();
        return {
          id: appeal.id,
          unitId: appeal.unitId,
          sessionId: appeal.sessionId,
          receivedAt: addMinutes(start, appeal.minutesIntoSession),
          title: appeal.title,
          content: appeal.content,
          category: appeal.category,
          type: appeal.type,
          status: published ? '已办结' : '办理中',
          reply: appeal.reply,
          replyUnit: appeal.replyUnit || unitNames.get(appeal.unitId) || null,
          repliedAt,
          citizenLabel: appeal.citizenLabel,
          source: appeal.source,
        };
      }),
    );
    const insightCount = await repositories.appeals.saveInsights(insights);
    await repositories.auditLog.record({
      who: 'system',
      what: 'demo-data.load',
      after: { units, previews, appeals, insights: insightCount, poll: data.poll.id },
    });
    return { loaded: true, units, previews, polls: pollCreated ? 1 : 0, appeals };
  });
}
