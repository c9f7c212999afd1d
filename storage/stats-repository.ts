import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { appealInsights, appeals } from './schema';

export interface StatsFilter {
  unitId?: string | undefined;
  category?: string | undefined;
  /** Received at or after. */
  from?: Date | undefined;
  /** Received strictly before. */
  to?: Date | undefined;
}

/** The category shown for an appeal: the one it was filed under, else the classifier's. */
const categoryOf = sql<string>`coalesce(${appeals.category}, ${appealInsights.category}, '其他')`;
const typeOf = sql<string>`coalesce(${appeals.type}, ${appealInsights.type}, '咨询')`;

function conditionsOf(filter: StatsFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.unitId) conditions.push(eq(appeals.unitId, filter.unitId));
  if (filter.from) conditions.push(gte(appeals.receivedAt, filter.from));
  if (filter.to) conditions.push(lt(appeals.receivedAt, filter.to));
  if (filter.category) conditions.push(sql`${categoryOf} = ${filter.category}`);
  return and(...conditions);
}

const asCount = sql<number>`cast(count(*) as int)`;

/** Aggregates for the statistics pages (诉求数据分析), computed by the database. */
export function createStatsRepository(db: Database) {
  const grouped = async (key: SQL<string>, filter: StatsFilter) => {
    const rows = await db
      .select({ key, count: asCount })
      .from(appeals)
      .leftJoin(appealInsights, eq(appealInsights.appealId, appeals.id))
      .where(conditionsOf(filter))
      .groupBy(key);
    return new Map(rows.map((row) => [row.key, Number(row.count)]));
  };

  return {
    countByCategory: (filter: StatsFilter) => grouped(categoryOf, filter),
    countByType: (filter: StatsFilter) => grouped(typeOf, filter),

    /** Topic tags of the appeals' insights, most frequent first. */
    async countByTag(filter: StatsFilter, limit: number): Promise<{ tag: string; count: number }[]> {
      const tag = sql<string>`tag`;
      const rows = await db
        .select({ tag, count: asCount })
        .from(
          sql`${appeals} inner join ${appealInsights} on ${appealInsights.appealId} = ${appeals.id} cross join lateral unnest(${appealInsights.tags}) as tag`,
        )
        .where(conditionsOf(filter))
        .groupBy(tag)
        .orderBy(sql`count(*) desc`, tag)
        .limit(limit);
      return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
    },

    /** Appeals per week (starting Monday) or month, in China's time zone, oldest first. */
    async trend(filter: StatsFilter, granularity: 'week' | 'month'): Promise<{ start: string; count: number }[]> {
      // Inlined (it is one of two fixed words) so GROUP BY and SELECT are the same expression.
      const unit = sql.raw(granularity === 'week' ? `'week'` : `'month'`);
      const start = sql<string>`to_char(date_trunc(${unit}, ${appeals.receivedAt} at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`;
      const rows = await db.select({ start, count: asCount }).from(appeals).where(conditionsOf(filter)).groupBy(start).orderBy(start);
      return rows.map((row) => ({ start: row.start, count: Number(row.count) }));
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
