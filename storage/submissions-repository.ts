import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import type { NewSubmission, Submission, SubmissionStatus } from './domain-types';
import { submissions } from './schema';

export interface SubmissionFilter {
  status?: SubmissionStatus | undefined;
  unitId?: string | undefined;
  limit?: number | undefined;
}

export function createSubmissionsRepository(db: Database) {
  return {
    /** Stored as pending, whatever the caller passes. */
    async create(row: NewSubmission): Promise<Submission> {
      const [created] = await db
        .insert(submissions)
        .values({ ...row, status: 'pending' })
        .returning();
      return created!;
    },
    async get(id: string): Promise<Submission | undefined> {
      const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
      return row;
    },
    /** Newest first. */
    async list(filter: SubmissionFilter = {}): Promise<Submission[]> {
      const conditions: SQL[] = [];
      if (filter.status) conditions.push(eq(submissions.status, filter.status));
      if (filter.unitId) conditions.push(eq(submissions.unitId, filter.unitId));
      return db
        .select()
        .from(submissions)
        .where(and(...conditions))
        .orderBy(desc(submissions.createdAt), desc(submissions.id))
        .limit(filter.limit ?? 200);
    },
    /** Sets the moderation outcome; undefined when there is no such submission. */
    async moderate(
      id: string,
      outcome: { status: SubmissionStatus; moderatedBy: string; moderatedAt: Date },
    ): Promise<Submission | undefined> {
      const [row] = await db.update(submissions).set(outcome).where(eq(submissions.id, id)).returning();
      return row;
    },
  };
}

export type SubmissionsRepository = ReturnType<typeof createSubmissionsRepository>;
