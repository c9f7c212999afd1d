import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import { previews } from './schema';
import type { Preview, NewPreview } from './domain-types';

export interface PreviewFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  unitId?: string | undefined;
  publishedOnly?: boolean | undefined;
}

export function createPreviewsRepository(db: Database) {
  return {
    /** Sessions that overlap [from, to], ordered by start time. */
    async list(filter: PreviewFilter = {}): Promise<Preview[]> {
      const conditions: SQL[] = [];
      if (filter.from) conditions.push(gte(previews.endsAt, filter.from));
      if (filter.to) conditions.push(lte(previews.startsAt, filter.to));
      if (filter.unitId) conditions.push(eq(previews.unitId, filter.unitId));
      if (filter.publishedOnly) conditions.push(eq(previews.published, true));
      return db
        .select()
        .from(previews)
        .where(and(...conditions))
        .orderBy(asc(previews.startsAt), asc(previews.id));
    },
    async get(id: string): Promise<Preview | undefined> {
      const [row] = await db.select().from(previews).where(eq(previews.id, id));
      return row;
    },
    async create(row: NewPreview): Promise<Preview> {
      const [created] = await db.insert(previews).values(row).returning();
      return created!;
    },
    async insertMissing(rows: NewPreview[]): Promise<number> {
      if (rows.length === 0) return 0;
      const inserted = await db.insert(previews).values(rows).onConflictDoNothing().returning({ id: previews.id });
      return inserted.length;
    },
    async update(id: string, changes: Partial<Omit<NewPreview, 'id'>>): Promise<Preview | undefined> {
      const [row] = await db.update(previews).set(changes).where(eq(previews.id, id)).returning();
      return row;
    },
    async remove(id: string): Promise<boolean> {
      const removed = await db.delete(previews).where(eq(previews.id, id)).returning({ id: previews.id });
      return removed.length > 0;
    },
  };
}

export type PreviewsRepository = ReturnType<typeof createPreviewsRepository>;
