import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../storage/database';
import { createRepositories, type Repositories } from '../storage/repositories';
import { openKnowledge, type Knowledge } from '../knowledge/open-knowledge';
import type { IngestionEvent } from '../knowledge/ingest/ingestion-queue';
import { createOfflineEmbedder } from '../knowledge/embeddings/offline-embedder';
import { textCharacterPairs } from '../text';
import { createTemporaryDatabase, describePostgres } from './support/postgres-server';

/**
 * Two app processes on one PostgreSQL database, as with REDIS_URL: each has its own queue and its own BM25.
 * They are two knowledge modules with their own connections here (the database is what they share).
 */
interface Process {
  database: DatabaseHandle;
  repositories: Repositories;
  knowledge: Knowledge;
  events: IngestionEvent[];
}

const laws = path.resolve(__dirname, '../data/demo/knowledge/laws');
const leaseMs = 3000;

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describePostgres('uploads with two app processes on one database', () => {
  let temporary: { url: string; drop: () => Promise<void> };
  let a: Process;
  let b: Process;

  const open = async (): Promise<Process> => {
    const database = await openDatabase({ databaseUrl: temporary.url });
    const repositories = createRepositories(database.db);
    const knowledge = await openKnowledge({
      documents: repositories.documents,
      appMeta: repositories.appMeta,
      analyse: textCharacterPairs,
      embedder: createOfflineEmbedder(),
      logger: { info: () => undefined, warn: () => undefined },
      vectorStore: { kind: 'none' },
      queue: {
        jobs: repositories.ingestionJobs,
        auditLog: repositories.auditLog,
        sharedWithOtherProcesses: true,
        watchIntervalMs: 200,
        claimLeaseMs: leaseMs,
      },
    });
    const events: IngestionEvent[] = [];
    knowledge.queue!.subscribe((event) => events.push(event));
    return { database, repositories, knowledge, events };
  };

  const upload = (process: Process, file: string) =>
    process.knowledge.queue!.enqueue({
      bytes: fs.readFileSync(path.join(laws, file)),
      source: `uploads/${file}`,
      fileName: file,
      tags: [],
      uploadedBy: 'admin',
    });

  const finds = async (process: Process, question: string, source: string) =>
    (await process.knowledge.knowledgeBase.search(question, { k: 5 })).hits.some((hit) => hit.source === source);

  beforeAll(async () => {
    temporary = await createTemporaryDatabase();
    a = await open();
    b = await open();
  }, 60_000);

  afterAll(async () => {
    for (const process of [a, b]) {
      await process?.knowledge.close();
      await process?.database.close();
    }
    await temporary?.drop();
  });

  it('both queues take the uploads of both processes; each process finds every document by BM25 and sees every job’s progress', async () => {
    const files = [
      '住房公积金管理条例(2019-03-24).md',
      '殡葬管理条例(2012-11-09).md',
      '价格法(1997-12-29).md',
      '信访工作条例(2022-02-25).md',
    ];
    for (const file of files) expect(fs.existsSync(path.join(laws, file))).toBe(true);
    const jobs: Awaited<ReturnType<typeof upload>>[] = [];
    // Both processes receive uploads and both queues compete for every job.
    for (const [index, file] of files.entries()) jobs.push(await upload(index % 2 === 0 ? a : b, file));
    a.knowledge.queue!.start();
    b.knowledge.queue!.start();
    const uploadsAudited = async () =>
      (await a.repositories.auditLog.list(50, 0, { what: 'knowledge.upload' })).filter((entry) => entry.what === 'knowledge.upload').length;
    // A job is marked done just before its audit entry is written: wait for both.
    await until(async () => (await a.repositories.ingestionJobs.unfinished()).length === 0 && (await uploadsAudited()) >= files.length);
    expect(await uploadsAudited()).toBe(files.length);
    const documents = await a.repositories.documents.list();
    expect(documents.map((document) => document.source).sort()).toEqual(files.map((file) => `uploads/${file}`).sort());

    // Each process searches its own BM25: both find every document, whichever process ingested it.
    await until(
      () => a.knowledge.knowledgeBase.size.documents === files.length && b.knowledge.knowledgeBase.size.documents === files.length,
      5000,
    );
    for (const process of [a, b]) {
      expect(await finds(process, '住房公积金怎么提取', 'uploads/住房公积金管理条例(2019-03-24).md')).toBe(true);
      expect(await finds(process, '火化和骨灰安放有什么规定', 'uploads/殡葬管理条例(2012-11-09).md')).toBe(true);
    }
    // Every job reaches "indexed" in the events of both processes (an administrator may watch either).
    for (const process of [a, b]) {
      await until(
        () =>
          jobs.every((job) =>
            process.events.some((event) => event.kind === 'job' && event.job.id === job.id && event.job.stage === 'indexed'),
          ),
        5000,
      );
    }
  }, 90_000);

  it('a document removed through one process is no longer found through the other', async () => {
    const source = 'uploads/殡葬管理条例(2012-11-09).md';
    const document = (await a.repositories.documents.list()).find((entry) => entry.source === source)!;
    expect(await a.knowledge.knowledgeBase.removeDocument(document.id)).toBe(true);
    await until(async () => !(await finds(b, '火化和骨灰安放有什么规定', source)), 5000);
    expect(b.knowledge.knowledgeBase.listDocuments().some((entry) => entry.source === source)).toBe(false);
  });

  it('a job left running by a stopped process is taken over once its claim is stale, not before', async () => {
    const file = '义务教育法(2018-12-29).md';
    const job = await a.repositories.ingestionJobs.add({
      id: 'job-left-by-a-killed-process',
      source: `uploads/${file}`,
      fileName: file,
      sizeBytes: 1,
      content: fs.readFileSync(path.join(laws, file)),
      tags: [],
      uploadedBy: 'admin',
    });
    // The killed process had claimed it: "parsing", renewed just now, and nobody renews it again.
    expect(await a.repositories.ingestionJobs.claim(job.id, new Date(0))).toBe(true);
    const claimedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, leaseMs / 2));
    expect((await a.repositories.ingestionJobs.get(job.id))!.status).toBe('parsing');
    await until(async () => (await a.repositories.ingestionJobs.get(job.id))!.status === 'indexed', 15_000);
    expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(leaseMs);
    await until(async () => finds(b, '义务教育阶段学校不得收取学费', `uploads/${file}`), 5000);
  }, 30_000);
});
