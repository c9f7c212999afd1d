import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { appealInsights, appeals } from './schema';
import type { Appeal, NewAppeal, AppealInsight, NewAppealInsight } from './domain-types';

export interface AppealFilter {
  unitId?: string | undefined;
  sessionId?: string | undefined;
  /** Received at or after. */
  from?: Date | undefined;
  /** Received strictly before. */
  to?: Date | undefined;
  category?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  /** Words looked up in title and content. */
  query?: string | undefined;
  /** Appeals of any of these hotline sessions (an empty list matches nothing). */
  sessionIds?: string[] | undefined;
  /** Only rows stored at or before this moment: keeps paging stable while new appeals arrive. */
  storedUntil?: Date | undefined;
}

/** What appeal intelligence reads of an appeal. */
export interface AppealText {
  id: string;
  title: string;
  content: string;
}

/** An appeal with the stored topic tags of its insight (null when none is stored yet), for hot topics. */
export interface AppealWithTags extends AppealText {
  unitId: string | null;
  receivedAt: Date;
  tags: string[] | null;
}

/** Rows per statement: keeps every statement well under Postgres' 65,535 bind-parameter limit. */
const batchSize = 500;

export interface Page {
  page: number;
  pageSize: number;
}

/**
 * What a phone, ID or bank card number looks like in text (a PostgreSQL and a JavaScript regular expression):
 * six or more digits in a row, or groups of three or more split by one space or dash (138 1234 5678,
 * 0591-12345678, 6222 0213 1234 5678), also in full-width digits. Dates such as 2016-10-31 are not one.
 */
export const personalNumberPattern = '[0-9０-９]{6,}|[0-9０-９]{3,}(?:[ 　－—-][0-9０-９]{3,})+';
/**
 * The text a search may match has such numbers blanked, so that no search, and no set of searches for parts
 * of one, finds an appeal by a personal number; appeal-queries.ts refuses the whole numbers with a message.
 */
const searchable = (column: typeof appeals.title | typeof appeals.content) =>
  sql`regexp_replace(${column}, ${personalNumberPattern}, '#', 'g')`;

/** Escapes LIKE wildcards so that a citizen's "%" or "_" is matched literally. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

function conditionsOf(filter: AppealFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.unitId) conditions.push(eq(appeals.unitId, filter.unitId));
  if (filter.sessionId) conditions.push(eq(appeals.sessionId, filter.sessionId));
  if (filter.from) conditions.push(gte(appeals.receivedAt, filter.from));
  if (filter.to) conditions.push(lt(appeals.receivedAt, filter.to));
  if (filter.category) conditions.push(eq(appeals.category, filter.category));
  if (filter.type) conditions.push(eq(appeals.type, filter.type));
  if (filter.status) conditions.push(eq(appeals.status, filter.status));
  if (filter.sessionIds) conditions.push(filter.sessionIds.length > 0 ? inArray(appeals.sessionId, filter.sessionIds) : sql`false`);
  if (filter.storedUntil) conditions.push(lte(appeals.createdAt, filter.storedUntil));
  for (const word of (filter.query ?? '').split(/\s+/).filter(Boolean)) {
    const pattern = likePattern(word);
    conditions.push(or(sql`${searchable(appeals.title)} ilike ${pattern}`, sql`${searchable(appeals.content)} ilike ${pattern}`));
  }
  return and(...conditions);
}

export function createAppealsRepository(db: Database) {
  return {
    async insertMissing(rows: NewAppeal[]): Promise<number> {
      let inserted = 0;
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize);
        const result = await db.insert(appeals).values(batch).onConflictDoNothing().returning({ id: appeals.id });
        inserted += result.length;
      }
      return inserted;
    },
    /** Like insertMissing, but tells which ids were new (in the order given). */
    async insertMissingIds(rows: NewAppeal[]): Promise<string[]> {
      const inserted: string[] = [];
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize);
        const result = await db.insert(appeals).values(batch).onConflictDoNothing().returning({ id: appeals.id });
        inserted.push(...result.map((row) => row.id));
      }
      return inserted;
    },
    async get(id: string): Promise<Appeal | undefined> {
      const [row] = await db.select().from(appeals).where(eq(appeals.id, id));
      return row;
    },
    async getMany(ids: string[]): Promise<Appeal[]> {
      if (ids.length === 0) return [];
      return db.select().from(appeals).where(inArray(appeals.id, ids));
    },
    /** Newest first; `total` counts every match, not only the page. */
    async list(filter: AppealFilter, page: Page): Promise<{ items: Appeal[]; total: number }> {
      const where = conditionsOf(filter);
      const [items, total] = await Promise.all([
        db
          .select()
          .from(appeals)
          .where(where)
          .orderBy(desc(appeals.receivedAt), desc(appeals.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        db.$count(appeals, where),
      ]);
      return { items, total };
    },
    async count(filter: AppealFilter = {}): Promise<number> {
      return db.$count(appeals, conditionsOf(filter));
    },
    /** Appeals counted per calendar day (Asia/Shanghai) within [from, to). */
    async countByDay(filter: AppealFilter): Promise<{ day: string; count: number }[]> {
      const day = sql<string>`to_char(${appeals.receivedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
      const rows = await db
        .select({ day, count: sql<number>`cast(count(*) as int)` })
        .from(appeals)
        .where(conditionsOf(filter))
        .groupBy(day)
        .orderBy(day);
      return rows.map((row) => ({ day: row.day, count: Number(row.count) }));
    },
    async update(id: string, changes: Partial<Omit<NewAppeal, 'id'>>): Promise<Appeal | undefined> {
      const [row] = await db.update(appeals).set(changes).where(eq(appeals.id, id)).returning();
      return row;
    },
    async saveInsight(insight: NewAppealInsight): Promise<void> {
      const { appealId, ...changes } = insight;
      await db
        .insert(appealInsights)
        .values(insight)
        .onConflictDoUpdate({ target: appealInsights.appealId, set: { ...changes, computedAt: new Date() } });
    },
    /** Stores (or replaces) many insights, in batches; `computedAt` is set to now when not given. */
    async saveInsights(insights: readonly NewAppealInsight[]): Promise<number> {
      for (let start = 0; start < insights.length; start += batchSize) {
        await db
          .insert(appealInsights)
          .values(insights.slice(start, start + batchSize).map((insight) => ({ computedAt: new Date(), ...insight })))
          .onConflictDoUpdate({
            target: appealInsights.appealId,
            set: {
              category: sql`excluded.category`,
              type: sql`excluded.type`,
              tags: sql`excluded.tags`,
              summary: sql`excluded.summary`,
              policyRefs: sql`excluded.policy_refs`,
              similarIds: sql`excluded.similar_ids`,
              model: sql`excluded.model`,
              computedAt: sql`excluded.computed_at`,
            },
          });
      }
      return insights.length;
    },
    async getInsights(appealIds: readonly string[]): Promise<AppealInsight[]> {
      if (appealIds.length === 0) return [];
      return db
        .select()
        .from(appealInsights)
        .where(inArray(appealInsights.appealId, [...appealIds]));
    },
    async countInsights(): Promise<number> {
      return db.$count(appealInsights);
    },
    /** The text of every matching appeal (all by default), in id order: what insights are computed from. */
    async listTexts(filter: AppealFilter = {}): Promise<AppealText[]> {
      return db
        .select({ id: appeals.id, title: appeals.title, content: appeals.content })
        .from(appeals)
        .where(conditionsOf(filter))
        .orderBy(asc(appeals.id));
    },
    /** Matching appeals with the tags of their stored insight, newest first. */
    async listWithTags(filter: AppealFilter): Promise<AppealWithTags[]> {
      return db
        .select({
          id: appeals.id,
          title: appeals.title,
          content: appeals.content,
          unitId: appeals.unitId,
          receivedAt: appeals.receivedAt,
          tags: appealInsights.tags,
        })
        .from(appeals)
        .leftJoin(appealInsights, eq(appealInsights.appealId, appeals.id))
        .where(conditionsOf(filter))
        .orderBy(desc(appeals.receivedAt), desc(appeals.id));
    },
    async getInsight(appealId: string): Promise<AppealInsight | undefined> {
      const [row] = await db.select().from(appealInsights).where(eq(appealInsights.appealId, appealId));
      return row;
    },
  };
}

export type AppealsRepository = ReturnType<typeof createAppealsRepository>;
