import { eq } from 'drizzle-orm';
import type { Database } from './database';
import { appMeta } from './schema';

export function createAppMetaRepository(db: Database) {
  return {
    async get(key: string): Promise<string | undefined> {
      const [row] = await db.select().from(appMeta).where(eq(appMeta.key, key));
      return row?.value;
    },
    async set(key: string, value: string): Promise<void> {
      await db
        .insert(appMeta)
        .values({ key, value })
        .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: new Date() } });
    },
    /** Stores `value` unless the key exists; returns whichever value is stored afterwards. */
    async getOrInsert(key: string, value: string): Promise<string> {
      await db.insert(appMeta).values({ key, value }).onConflictDoNothing();
      const [row] = await db.select().from(appMeta).where(eq(appMeta.key, key));
      return row!.value;
    },
  };
}

export type AppMetaRepository = ReturnType<typeof createAppMetaRepository>;
