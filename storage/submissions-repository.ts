import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from './database';
import type { NewSubmission, Submission, SubmissionStatus } from './domain-types';
import { submissions } from './schema';

export interface SubmissionFilter {
  /** One status, or any of several (an official's view: published and answered). */
  status?: SubmissionStatus | readonly SubmissionStatus[] | undefined;
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
      if (typeof filter.status === 'string') conditions.push(eq(submissions.status, filter.status));
      else if (filter.status) conditions.push(inArray(submissions.status, [...filter.status]));
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
      outcome: { status: SubmissionStatus; moderatedBy: string; moderatedAt: Date; rejectionReason?: string | null },
    ): Promise<Submission | undefined> {
      const [row] = await db.update(submissions).set(outcome).where(eq(submissions.id, id)).returning();
      return row;
    },
    /** Marks a published question 已回复 with a note; undefined when there is no such submission. */
    async markAnswered(id: string, answer: { answeredBy: string; answeredAt: Date; answerNote: string }): Promise<Submission | undefined> {
      const [row] = await db
        .update(submissions)
        .set({ ...answer, status: 'answered' })
        .where(eq(submissions.id, id))
        .returning();
      return row;
    },
  };
}

export type SubmissionsRepository = ReturnType<typeof createSubmissionsRepository>;
