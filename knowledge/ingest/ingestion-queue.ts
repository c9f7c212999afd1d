import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { isAppError } from '../../common';
import type { AuditLogRepository, IngestionJobsRepository } from '../../storage';
import type { KnowledgeBase, KnowledgeLogger } from '../knowledge-base';
import type { Ingester } from './ingest-files';

/** Where an uploaded file is: waiting, being parsed, being indexed, done, or refused (with the reason). */
export type IngestionStage = 'queued' | 'parsing' | 'indexing' | 'indexed' | 'failed';

export interface IngestionJobView {
  id: string;
  source: string;
  fileName: string;
  sizeBytes: number;
  stage: IngestionStage;
  failureReason: string | null;
  documentId: string | null;
  /** Set once the file is cut into chunks. */
  chunkCount: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReindexState {
  state: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  message: string | null;
}

export type IngestionEvent = { kind: 'job'; job: IngestionJobView } | { kind: 'reindex'; reindex: ReindexState };

export interface IngestionQueueDependencies {
  jobs: IngestionJobsRepository;
  ingester: Ingester;
  knowledgeBase: KnowledgeBase;
  auditLog: AuditLogRepository;
  logger: KnowledgeLogger;
  /**
   * Several app processes share the database (REDIS_URL set): jobs are claimed with a lease so one process runs
   * each file, and every process watches for what the others did (new documents for its own BM25, job events
   * for its administrators' progress bars, jobs a stopped process left behind).
   */
  sharedWithOtherProcesses?: boolean;
  /** How often a shared queue looks at the others' work (default 2 s). */
  watchIntervalMs?: number;
  /** A running job's claim is renewed every third of this; older, another process takes the job over (default 60 s). */
  claimLeaseMs?: number;
}

/**
 * Parsing, the embedded database and the offline embedder share the event loop with the API. After a job that
 * took t ms the queue rests t × (1 − share) / share (at most `maxRestMs`), so ingestion takes at most this share
 * of the loop while uploads wait and chat turns keep their time (`npm run bench:upload-chat`).
 */
const workShare = 0.5;
const maxRestMs = 1000;

const failureMessage = (error: unknown) =>
  isAppError(error) ? error.message : '文件无法解析：内容可能已损坏，或不是所声明的格式。请检查后重新上传。';

/**
 * The background ingestion queue. Uploads are stored as rows (their bytes included) and answered at once;
 * one job at a time is parsed, chunked, stored and indexed here, with a turn of the event loop between
 * steps, so the API and the chat keep answering. The rows are the queue: `start()` after a restart takes up
 * every job still queued or left half-parsed (ingestion is idempotent by content hash, so a job cut off
 * after its chunks were stored finishes by indexing them). A rebuild of the vector index runs in the same
 * line, never at the same time as a job.
 */
export function createIngestionQueue(deps: IngestionQueueDependencies) {
  const { jobs, ingester, knowledgeBase, auditLog, logger } = deps;
  const shared = deps.sharedWithOtherProcesses ?? false;
  const leaseMs = deps.claimLeaseMs ?? 60_000;
  // Alone, a job left "parsing" can only be this process's own from before a restart: take it at once.
  const staleBefore = () => (shared ? new Date(Date.now() - leaseMs) : new Date(Date.now() + 1));
  /** Jobs run by this process: their events are sent as they happen, not again by the watch. */
  const ranHere = new Set<string>();
  let watcher: NodeJS.Timeout | undefined;
  let watching: Promise<void> | undefined;
  let watchedUntil = new Date();
  const listeners = new Set<(event: IngestionEvent) => void>();
  let lock: Promise<unknown> = Promise.resolve();
  let draining: Promise<void> | undefined;
  let wanted = false;
  let started = false;
  let stopped = false;
  let reindex: ReindexState = { state: 'idle', done: 0, total: 0, message: null };
  /** Stages that are not stored (indexing) and chunk counts, for the jobs of this process. */
  const live = new Map<string, { stage: IngestionStage; chunkCount: number | null }>();

  const emit = (event: IngestionEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.warn({ err: error }, 'ingestion listener failed');
      }
    }
  };

  const view = (job: Awaited<ReturnType<IngestionJobsRepository['get']>> & object): IngestionJobView => {
    const known = live.get(job.id);
    return {
      id: job.id,
      source: job.source,
      fileName: job.fileName,
      sizeBytes: job.sizeBytes,
      stage: known && job.status === 'parsing' ? known.stage : job.status,
      failureReason: job.failureReason,
      documentId: job.documentId,
      chunkCount: known?.chunkCount ?? null,
      createdAt: job.createdAt.toISOString(),
      updatedAt: job.updatedAt.toISOString(),
    };
  };

  const announce = async (id: string) => {
    const job = await jobs.get(id);
    if (job) emit({ kind: 'job', job: view(job) });
  };

  const exclusively = <T>(work: () => Promise<T>): Promise<T> => {
    const result = lock.then(work);
    lock = result.catch(() => undefined);
    return result;
  };

  /** Runs a job unless another process holds it; false when it was not this process's to run. */
  const runJob = async (id: string): Promise<boolean> => {
    const job = await jobs.get(id);
    if (!job || !(await jobs.claim(id, staleBefore()))) return false;
    ranHere.add(id);
    const renewal = setInterval(() => {
      jobs.renew(id).catch((error: unknown) => logger.warn({ err: error, jobId: id }, 'ingestion claim not renewed'));
    }, leaseMs / 3);
    renewal.unref();
    try {
      await ingest(id, job);
    } finally {
      clearInterval(renewal);
    }
    return true;
  };

  const ingest = async (id: string, job: NonNullable<Awaited<ReturnType<IngestionJobsRepository['get']>>>) => {
    live.set(id, { stage: 'parsing', chunkCount: null });
    await announce(id);
    await nextTurn();
    try {
      const content = await jobs.contentOf(id);
      if (!content) throw new Error('the job has no bytes');
      const before = findDocument(job.source);
      const { outcome, document, instructionsRemoved } = await ingester.ingestBytes(content, job.source, job.tags, (chunkCount) => {
        live.set(id, { stage: 'indexing', chunkCount });
        void announce(id);
      });
      await jobs.finish(id, { status: 'indexed', documentId: document.id });
      if (outcome !== 'unchanged') {
        await auditLog.record({
          who: job.uploadedBy,
          what: outcome === 'added' ? 'knowledge.upload' : 'knowledge.replace',
          target: document.id,
          before: before ? { source: before.source, title: before.title, chunkCount: before.chunkCount, sha256: before.sha256 } : undefined,
          after: {
            source: document.source,
            title: document.title,
            chunkCount: document.chunkCount,
            sha256: document.sha256,
            // Sentences addressed to the assistant that were left out of the index (a sign of a prompt injection).
            ...(instructionsRemoved > 0 ? { instructionsRemoved } : {}),
          },
        });
      }
      live.set(id, { stage: 'indexed', chunkCount: document.chunkCount });
    } catch (error) {
      const reason = failureMessage(error);
      if (!isAppError(error)) logger.warn({ err: error, jobId: id, source: job.source }, 'uploaded file could not be ingested');
      await jobs.finish(id, { status: 'failed', reason });
      await auditLog.record({ who: job.uploadedBy, what: 'knowledge.upload.failed', target: id, after: { source: job.source, reason } });
      live.delete(id);
    }
    await announce(id);
    live.delete(id);
  };

  const findDocument = (source: string) => knowledgeBase.listDocuments().find((document) => document.source === source);

  const drain = async () => {
    while (wanted && !stopped) {
      wanted = false;
      for (;;) {
        if (stopped) return;
        let ran = false;
        // The oldest job this process may take (another process may be running the first ones).
        for (const next of await jobs.unfinished()) {
          if (stopped) return;
          const started = performance.now();
          if (!(await exclusively(() => runJob(next.id)))) continue;
          ran = true;
          // Requests that waited during the job go first; then a rest in proportion to the job's time.
          await nextTurn();
          if (!stopped) await sleep(Math.min(((performance.now() - started) * (1 - workShare)) / workShare, maxRestMs));
          break;
        }
        if (!ran) break;
      }
    }
  };

  const kick = () => {
    wanted = true;
    if (!started || stopped || draining) return;
    draining = drain()
      .catch((error: unknown) => logger.warn({ err: error }, 'ingestion queue stopped on an error; it resumes at the next upload or start'))
      .finally(() => {
        draining = undefined;
        if (wanted && !stopped) kick();
      });
  };

  /** What the other processes did since the last look: their jobs' stages, their documents, their leftovers. */
  const watchOthers = async () => {
    try {
      for (const job of await jobs.changedSince(watchedUntil)) {
        if (job.updatedAt > watchedUntil) watchedUntil = job.updatedAt;
        if (!ranHere.has(job.id)) emit({ kind: 'job', job: view(job) });
      }
      const { added, removed } = await knowledgeBase.refresh();
      if (added + removed > 0) logger.info({ added, removed }, 'documents changed by another process are now searchable here');
      kick();
    } catch (error) {
      logger.warn({ err: error }, 'could not look at the other processes’ uploads; trying again shortly');
    }
  };

  return {
    /** Takes up the stored queue (jobs left by a stopped process included) and every later upload. */
    start(): void {
      if (started) return;
      started = true;
      kick();
      if (!shared) return;
      watcher = setInterval(() => {
        watching ??= watchOthers().finally(() => {
          watching = undefined;
        });
      }, deps.watchIntervalMs ?? 2000);
      watcher.unref();
    },

    /** Stores an uploaded file as a queued job and returns at once; the queue runs it in the background. */
    async enqueue(file: {
      bytes: Uint8Array;
      source: string;
      fileName: string;
      tags: string[];
      uploadedBy: string;
    }): Promise<IngestionJobView> {
      const job = await jobs.add({
        id: `job_${randomUUID()}`,
        source: file.source,
        fileName: file.fileName,
        sizeBytes: file.bytes.length,
        content: file.bytes,
        tags: file.tags,
        uploadedBy: file.uploadedBy,
      });
      const shown = view(job);
      emit({ kind: 'job', job: shown });
      kick();
      return shown;
    },

    async list(): Promise<IngestionJobView[]> {
      return (await jobs.listOpen()).map(view);
    },

    async get(id: string): Promise<IngestionJobView | undefined> {
      const job = await jobs.get(id);
      return job ? view(job) : undefined;
    },

    /** Removes a waiting or failed job (a running one finishes first); false when there is none such. */
    remove: (id: string) => jobs.removeIdle(id),

    /** Rebuilds the vector index in the background, after the job being run; progress goes to the listeners. */
    startReindex(who: string): ReindexState {
      if (reindex.state === 'running') return reindex;
      const total = knowledgeBase.size.chunks;
      reindex = { state: 'running', done: 0, total, message: null };
      emit({ kind: 'reindex', reindex });
      void exclusively(async () => {
        try {
          const result = await knowledgeBase.reindex((done, all) => {
            reindex = { state: 'running', done, total: all, message: null };
            emit({ kind: 'reindex', reindex });
          });
          await auditLog.record({ who, what: 'knowledge.reindex', before: { chunks: total }, after: result });
          reindex = { state: 'done', done: result.chunks, total: result.chunks, message: null };
        } catch (error) {
          logger.warn({ err: error }, 'reindex failed');
          reindex = { ...reindex, state: 'failed', message: '向量数据库暂时无法访问，重建没有完成，请稍后再试。' };
        }
        emit({ kind: 'reindex', reindex });
      });
      return reindex;
    },

    get reindexState(): ReindexState {
      return reindex;
    },

    subscribe(listener: (event: IngestionEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Waits until no job is waiting and nothing runs (tests, benchmarks). */
    async idle(): Promise<void> {
      for (;;) {
        await lock;
        if (draining) await draining;
        if (!draining && (await jobs.unfinished()).length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },

    /** Lets the job being run finish (whole), then stops; what is left waits in the table for the next start. */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(watcher);
      await watching;
      await draining;
      await lock;
    },
  };
}

export type IngestionQueue = ReturnType<typeof createIngestionQueue>;
