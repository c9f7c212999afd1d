import { and, asc, desc, eq, gt, inArray, lt, ne, or } from 'drizzle-orm';
import type { Database } from './database';
import { ingestionJobs } from './schema';
import type { IngestionJob, IngestionJobStatus, NewIngestionJob } from './domain-types';

/** Every column but the file's bytes: what lists and progress need. */
const summaryColumns = {
  id: ingestionJobs.id,
  source: ingestionJobs.source,
  fileName: ingestionJobs.fileName,
  sizeBytes: ingestionJobs.sizeBytes,
  tags: ingestionJobs.tags,
  status: ingestionJobs.status,
  failureReason: ingestionJobs.failureReason,
  documentId: ingestionJobs.documentId,
  uploadedBy: ingestionJobs.uploadedBy,
  createdAt: ingestionJobs.createdAt,
  updatedAt: ingestionJobs.updatedAt,
};

export type IngestionJobSummary = Omit<IngestionJob, 'content'>;

/** The persisted state of the background ingestion queue (one row per uploaded file). */
export function createIngestionJobsRepository(db: Database) {
  return {
    async add(job: NewIngestionJob): Promise<IngestionJobSummary> {
      const [row] = await db
        .insert(ingestionJobs)
        .values({ ...job, status: 'queued' })
        .returning(summaryColumns);
      return row!;
    },
    async get(id: string): Promise<IngestionJobSummary | undefined> {
      const [row] = await db.select(summaryColumns).from(ingestionJobs).where(eq(ingestionJobs.id, id));
      return row;
    },
    /** The bytes of a job that still has them. */
    async contentOf(id: string): Promise<Uint8Array | undefined> {
      const [row] = await db.select({ content: ingestionJobs.content }).from(ingestionJobs).where(eq(ingestionJobs.id, id));
      return row?.content ?? undefined;
    },
    /** Jobs still to run, oldest first: queued ones and those a stopped process left half-parsed. */
    async unfinished(): Promise<IngestionJobSummary[]> {
      return db
        .select(summaryColumns)
        .from(ingestionJobs)
        .where(inArray(ingestionJobs.status, ['queued', 'parsing']))
        .orderBy(asc(ingestionJobs.createdAt), asc(ingestionJobs.id));
    },
    /** Jobs an administrator still has to see: waiting, running, or failed (finished ones are documents now). */
    async listOpen(): Promise<IngestionJobSummary[]> {
      return db
        .select(summaryColumns)
        .from(ingestionJobs)
        .where(ne(ingestionJobs.status, 'indexed'))
        .orderBy(desc(ingestionJobs.createdAt), asc(ingestionJobs.id));
    },
    /**
     * Takes a job for this process in one statement, so two processes never run the same file: a queued job,
     * or one left "parsing" by a process that stopped renewing its claim before `staleBefore`.
     */
    async claim(id: string, staleBefore: Date): Promise<boolean> {
      const claimed = await db
        .update(ingestionJobs)
        .set({ status: 'parsing', updatedAt: new Date() })
        .where(
          and(
            eq(ingestionJobs.id, id),
            or(eq(ingestionJobs.status, 'queued'), and(eq(ingestionJobs.status, 'parsing'), lt(ingestionJobs.updatedAt, staleBefore))),
          ),
        )
        .returning({ id: ingestionJobs.id });
      return claimed.length > 0;
    },
    /** Renews the claim on a job being run (see `claim`). */
    async renew(id: string): Promise<void> {
      await db
        .update(ingestionJobs)
        .set({ updatedAt: new Date() })
        .where(and(eq(ingestionJobs.id, id), eq(ingestionJobs.status, 'parsing')));
    },
    /** Jobs changed after `since` (any stage): what another process did, for this one's progress events. */
    async changedSince(since: Date): Promise<IngestionJobSummary[]> {
      return db.select(summaryColumns).from(ingestionJobs).where(gt(ingestionJobs.updatedAt, since)).orderBy(asc(ingestionJobs.updatedAt));
    },
    async setStatus(id: string, status: IngestionJobStatus): Promise<void> {
      await db.update(ingestionJobs).set({ status, updatedAt: new Date() }).where(eq(ingestionJobs.id, id));
    },
    /** Ends a job: its bytes are dropped; a failure keeps its reason for the administrator. */
    async finish(id: string, outcome: { status: 'indexed'; documentId: string } | { status: 'failed'; reason: string }): Promise<void> {
      await db
        .update(ingestionJobs)
        .set({
          status: outcome.status,
          content: null,
          failureReason: outcome.status === 'failed' ? outcome.reason : null,
          documentId: outcome.status === 'indexed' ? outcome.documentId : null,
          updatedAt: new Date(),
        })
        .where(eq(ingestionJobs.id, id));
    },
    /** Removes a job that is not running (a failed or waiting one); false when there is none such. */
    async removeIdle(id: string): Promise<boolean> {
      const removed = await db
        .delete(ingestionJobs)
        .where(and(eq(ingestionJobs.id, id), ne(ingestionJobs.status, 'parsing')))
        .returning({ id: ingestionJobs.id });
      return removed.length > 0;
    },
  };
}

export type IngestionJobsRepository = ReturnType<typeof createIngestionJobsRepository>;
