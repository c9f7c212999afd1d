import { and, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
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

export interface AuditFilter {
  /** The acting user's name, exactly. */
  who?: string | undefined;
  /** The action, or the start of it: "appeal." matches every appeal action. */
  what?: string | undefined;
  target?: string | undefined;
  /** At or after. */
  from?: Date | undefined;
  /** Strictly before. */
  to?: Date | undefined;
}

/** Escapes LIKE wildcards so that a filter's "%" or "_" is matched literally. */
const startsWith = (text: string) => `${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

function conditionsOf(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.who) conditions.push(eq(auditLog.who, filter.who));
  if (filter.what) conditions.push(ilike(auditLog.what, startsWith(filter.what)));
  if (filter.target) conditions.push(eq(auditLog.target, filter.target));
  if (filter.from) conditions.push(gte(auditLog.when, filter.from));
  if (filter.to) conditions.push(lt(auditLog.when, filter.to));
  return and(...conditions);
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
    /** Newest first. */
    async list(limit: number, offset = 0, filter: AuditFilter = {}): Promise<AuditEntry[]> {
      return db.select().from(auditLog).where(conditionsOf(filter)).orderBy(desc(auditLog.id)).limit(limit).offset(offset);
    },
    async count(filter: AuditFilter = {}): Promise<number> {
      const [row] = await db.select({ total: count() }).from(auditLog).where(conditionsOf(filter));
      return Number(row?.total ?? 0);
    },
    /** The names that appear as "who" and the actions recorded, for the filters' choices. */
    async distinctActors(): Promise<{ who: string[]; what: string[] }> {
      const [who, what] = await Promise.all([
        db.selectDistinct({ value: auditLog.who }).from(auditLog).orderBy(auditLog.who),
        db.selectDistinct({ value: auditLog.what }).from(auditLog).orderBy(auditLog.what),
      ]);
      return { who: who.map((row) => row.value), what: what.map((row) => row.value) };
    },
  };
}

export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
