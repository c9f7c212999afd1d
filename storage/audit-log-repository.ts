import { desc } from 'drizzle-orm';
import type { Database } from './database';
import { auditLog } from './schema';
import type { AuditEntry } from './domain-types';

export interface AuditRecord {
  /** The acting user's name, or "system" / "cli" for work nobody clicked. */
  who: string;
  what: string;
  target?: string | undefined;
  before?: unknown;
  after?: unknown;
}

export function createAuditLogRepository(db: Database) {
  return {
    async record(entry: AuditRecord): Promise<void> {
      await db.insert(auditLog).values({
        who: entry.who,
        what: entry.what,
        target: entry.target ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
      });
    },
    async list(limit: number, offset = 0): Promise<AuditEntry[]> {
      return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset);
    },
  };
}

export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
