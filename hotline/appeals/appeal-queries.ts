import { AppError, notFound } from '../../common';
import type { Preview } from '../../storage';
import type { Repositories } from '../../storage';
import { appealDetail, appealListItem, chinaDay, similarAppealView, type PolicyReference } from './appeal-views';
import { personalNumberPattern, type AppealFilter } from '../../storage';

export interface AppealListQuery {
  unitId?: string | undefined;
  /** A session day (YYYY-MM-DD): the appeals of the sessions held that day. */
  date?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  category?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
  /** The moment the first page was read; later pages pass it back so new appeals do not shift them. */
  asOf?: Date | undefined;
}

export interface AppealQueriesDependencies {
  repositories: Pick<Repositories, 'appeals' | 'previews' | 'units'>;
  /** Related policy passages for a text; none when the knowledge base is absent or nothing clears its threshold. */
  findPolicies?: (query: string) => Promise<PolicyReference[]>;
  now?: () => Date;
}

/** Searching by a phone or ID number would tell whether a person wrote in: refused, however it is spaced. */
const personalNumber = new RegExp(personalNumberPattern, 'u');
const looksLikePersonalNumber = (query: string) => personalNumber.test(query.replace(/\s+/gu, ' '));

/** The public side of past appeals (往期回顾): lists by unit and date, the calendar and the detail page. */
export function createAppealQueries(deps: AppealQueriesDependencies) {
  const { repositories } = deps;
  const now = deps.now ?? (() => new Date());

  const sessionsById = async (): Promise<Map<string, Preview>> =>
    new Map((await repositories.previews.list()).map((preview) => [preview.id, preview]));
  const unitNames = async () => new Map((await repositories.units.list()).map((unit) => [unit.id, unit.name]));

  return {
    async list(query: AppealListQuery) {
      if (query.q && looksLikePersonalNumber(query.q))
        throw new AppError('VALIDATION_FAILED', '不能按电话号码、身份证号等个人信息查询，请换成事情的关键词。');
      const asOf = query.asOf ?? now();
      const sessions = await sessionsById();
      const filter: AppealFilter = {
        unitId: query.unitId,
        from: query.from,
        to: query.to,
        category: query.category,
        type: query.type,
        status: query.status,
        query: query.q,
        storedUntil: asOf,
      };
      if (query.date) {
        filter.sessionIds = [...sessions.values()]
          .filter((session) => chinaDay(session.startsAt) === query.date && (!query.unitId || session.unitId === query.unitId))
          .map((session) => session.id);
      }
      const { items, total } = await repositories.appeals.list(filter, { page: query.page, pageSize: query.pageSize });
      const names = await unitNames();
      const insights = new Map(
        (await repositories.appeals.getInsights(items.map((item) => item.id))).map((insight) => [insight.appealId, insight]),
      );
      const time = now();
      return {
        items: items.map((appeal) => {
          const session = appeal.sessionId ? sessions.get(appeal.sessionId) : undefined;
          return appealListItem(
            appeal,
            appeal.unitId ? names.get(appeal.unitId) : undefined,
            session && chinaDay(session.startsAt),
            insights.get(appeal.id),
            time,
          );
        }),
        total,
        page: query.page,
        pageSize: query.pageSize,
        asOf: asOf.toISOString(),
      };
    },

    /** The session days of a month (China time) with their appeal counts; a unit narrows to its sessions. */
    async calendar(month: string, unitId?: string) {
      const start = new Date(`${month}-01T00:00:00+08:00`);
      const [year, monthNumber] = month.split('-').map(Number) as [number, number];
      const end = new Date(`${monthNumber === 12 ? year + 1 : year}-${String((monthNumber % 12) + 1).padStart(2, '0')}-01T00:00:00+08:00`);
      const sessions = (await repositories.previews.list({ from: start, to: end, unitId, publishedOnly: true })).filter(
        (session) => session.startsAt >= start && session.startsAt < end,
      );
      const names = await unitNames();
      const days = new Map<string, { date: string; count: number; sessions: { id: string; unit: { id: string; name: string } }[] }>();
      for (const session of sessions) {
        const date = chinaDay(session.startsAt);
        const day = days.get(date) ?? { date, count: 0, sessions: [] };
        day.count += await repositories.appeals.count({ sessionId: session.id, storedUntil: now() });
        day.sessions.push({ id: session.id, unit: { id: session.unitId, name: names.get(session.unitId) ?? session.unitId } });
        days.set(date, day);
      }
      return { month, days: [...days.values()].sort((left, right) => (left.date < right.date ? -1 : 1)) };
    },

    async detail(id: string) {
      const appeal = await repositories.appeals.get(id);
      if (!appeal) throw notFound('这条诉求');
      const insight = await repositories.appeals.getInsight(id);
      const session = appeal.sessionId ? await repositories.previews.get(appeal.sessionId) : undefined;
      const unit = appeal.unitId ? await repositories.units.get(appeal.unitId) : undefined;
      const similarIds = insight?.similarIds ?? [];
      const similarRows = new Map((await repositories.appeals.getMany(similarIds)).map((row) => [row.id, row]));
      const policyQuery = [appeal.title, insight?.summary].filter(Boolean).join(' ');
      const relatedPolicies = deps.findPolicies && policyQuery.trim() !== '' ? await deps.findPolicies(policyQuery) : [];
      return appealDetail(appeal, {
        unitName: unit?.name,
        sessionDate: session && chinaDay(session.startsAt),
        insight,
        relatedPolicies,
        similar: similarIds.flatMap((similarId) => (similarRows.has(similarId) ? [similarAppealView(similarRows.get(similarId)!)] : [])),
        now: now(),
      });
    },
  };
}

export type AppealQueries = ReturnType<typeof createAppealQueries>;
