import { asc, desc, eq } from 'drizzle-orm';
import type { Database } from './database';
import { units } from './schema';
import type { Unit, NewUnit } from './domain-types';

export function createUnitsRepository(db: Database) {
  return {
    async list(): Promise<Unit[]> {
      return db.select().from(units).orderBy(desc(units.kind), asc(units.id));
    },
    async get(id: string): Promise<Unit | undefined> {
      const [row] = await db.select().from(units).where(eq(units.id, id));
      return row;
    },
    /** Inserts units that are not there yet; existing rows are left as an administrator may have edited them. */
    async insertMissing(rows: NewUnit[]): Promise<number> {
      if (rows.length === 0) return 0;
      const inserted = await db.insert(units).values(rows).onConflictDoNothing().returning({ id: units.id });
      return inserted.length;
    },
    async update(id: string, changes: Partial<Omit<NewUnit, 'id'>>): Promise<Unit | undefined> {
      const [row] = await db.update(units).set(changes).where(eq(units.id, id)).returning();
      return row;
    },
    async count(): Promise<number> {
      return db.$count(units);
    },
  };
}

export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
