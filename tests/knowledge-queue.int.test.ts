import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../storage/database';
import { createRepositories } from '../storage/repositories';
import { openKnowledge } from '../knowledge/open-knowledge';
import { createOfflineEmbedder } from '../knowledge/embeddings/offline-embedder';
import { textCharacterPairs } from '../text';
import { createUserAccount } from '../server/auth/user-accounts';
import { logIn } from './support/service-process';
import { makeDocx } from './support/make-docx';
import { makeZipBomb } from './support/make-zip-bomb';
import { makePdf } from './support/make-pdf';
import { ensureAdminBuilt } from './support/admin-bundle';
import { createTestApp } from './support/test-app';

jest.setTimeout(120_000);

const adminPassword = 'queue-admin-secret-2026';
const password = 'queue-other-secret-2026';
const lawFile = path.resolve(__dirname, '../data/demo/knowledge/laws/住房公积金管理条例(2019-03-24).md');
const megabyte = 1024 * 1024;

interface Job {
  id: string;
  source: string;
  fileName: string;
  stage: string;
  failureReason: string | null;
  documentId: string | null;
}

/** A multipart body with the given files under the field `file`. */
function multipart(files: { name: string; bytes: Buffer }[]): { body: Buffer; type: string } {
  const boundary = `----xiaoning${Date.now()}`;
  const parts = files.flatMap((file) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from('\r\n'),
  ]);
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

describe('knowledge upload queue over HTTP (real app, PGlite, embedded Chroma)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  let admin: { cookie: string; csrfToken: string };
  let official: { cookie: string; csrfToken: string };
  let citizen: { cookie: string; csrfToken: string };

  const upload = async (files: { name: string; bytes: Buffer }[], as = admin, csrf = true) => {
    const { body, type } = multipart(files);
    return fetch(`${served.url}/api/admin/knowledge/uploads`, {
      method: 'POST',
      headers: { Cookie: as.cookie, 'Content-Type': type, ...(csrf ? { 'X-CSRF-Token': as.csrfToken } : {}) },
      body,
    });
  };
  const getJson = async (route: string, as = admin) => {
    const response = await fetch(`${served.url}${route}`, { headers: { Cookie: as.cookie } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    ensureAdminBuilt();
    testApp = await createTestApp({ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: adminPassword, UPLOAD_LIMIT_MB: '2' }, { knowledge: true });
    const { repositories } = testApp.services;
    await repositories.units.insertMissing([{ id: 'zjj', name: '市住建局', kind: 'municipal', duties: '住房和城乡建设' }]);
    await createUserAccount(repositories, { username: 'queue-official', password, role: 'official', unitId: 'zjj' }, 'test');
    await createUserAccount(repositories, { username: 'queue-citizen', password, role: 'citizen' }, 'test');
    served = await testApp.listen();
    admin = await logIn(served.url, 'admin', adminPassword);
    official = await logIn(served.url, 'queue-official', password);
    citizen = await logIn(served.url, 'queue-citizen', password);
  });
  afterAll(async () => {
    await served?.close();
    await testApp?.close();
  });

  it('queues three files at once and answers at once; two are indexed, the malformed PDF fails with a reason; events show the stages', async () => {
    const events: { event: string; data: Job }[] = [];
    const stream = await fetch(`${served.url}/api/admin/knowledge/events`, { headers: { Cookie: admin.cookie } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const reading = (async () => {
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += Buffer.from(value).toString('utf8');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) as Job });
        }
      }
    })();

    const docx = await makeDocx([
      { text: '宁德市公共租赁住房管理办法', heading: 1 },
      { text: '第六条 申请公共租赁住房，应当提交家庭收入证明和户籍证明。' },
    ]);
    const brokenPdf = Buffer.concat([makePdf([['宁德市养老服务补贴办法', '第三条 八十周岁以上老人可以申请。']]).subarray(0, 300)]);
    const started = Date.now();
    const response = await upload([
      { name: '住房公积金管理条例.md', bytes: fs.readFileSync(lawFile) },
      { name: '公租房办法.docx', bytes: docx },
      { name: '养老补贴.pdf', bytes: brokenPdf },
    ]);
    expect(response.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(3000);
    const { items } = (await response.json()) as { items: Job[] };
    expect(items.map((item) => [item.source, item.stage])).toEqual([
      ['uploads/住房公积金管理条例.md', 'queued'],
      ['uploads/公租房办法.docx', 'queued'],
      ['uploads/养老补贴.pdf', 'queued'],
    ]);
    await testApp.knowledge!.queue!.idle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await reader.cancel();
    await reading.catch(() => undefined);

    const stagesOf = (id: string) =>
      events.filter((event) => event.event === 'job' && event.data.id === id).map((event) => event.data.stage);
    expect(stagesOf(items[0]!.id)).toEqual(expect.arrayContaining(['queued', 'parsing', 'indexing', 'indexed']));
    expect(stagesOf(items[2]!.id).at(-1)).toBe('failed');

    const uploads = await getJson('/api/admin/knowledge/uploads');
    const failed = (uploads.body.items as Job[]).find((item) => item.id === items[2]!.id)!;
    expect(failed.stage).toBe('failed');
    expect(failed.failureReason).toMatch(/[\u4e00-\u9fa5]/);
    expect(failed.failureReason).not.toMatch(/Error|at \//);
    const documents = await getJson('/api/admin/knowledge/documents');
    expect((documents.body.items as { source: string; status: string }[]).map((item) => [item.source, item.status])).toEqual([
      ['uploads/住房公积金管理条例.md', 'indexed'],
      ['uploads/公租房办法.docx', 'indexed'],
    ]);
    const audit = await testApp.services.repositories.auditLog.list(20);
    expect(audit.map((entry) => entry.what)).toEqual(
      expect.arrayContaining(['knowledge.upload.queue', 'knowledge.upload', 'knowledge.upload.failed']),
    );
    const uploaded = audit.find(
      (entry) => entry.what === 'knowledge.upload' && (entry.after as { source: string }).source === items[0]!.source,
    );
    expect(uploaded).toMatchObject({
      who: 'admin',
      after: expect.objectContaining({ title: '住房公积金管理条例', chunkCount: expect.any(Number) }),
    });
  });

  it('shows a document’s chunks with their heading paths and runs 命中测试 with scores and the threshold', async () => {
    const documents = (await getJson('/api/admin/knowledge/documents')).body.items as { id: string; source: string }[];
    const law = documents.find((document) => document.source === 'uploads/住房公积金管理条例.md')!;
    const chunks = await getJson(`/api/admin/knowledge/documents/${law.id}/chunks`);
    expect(chunks.status).toBe(200);
    expect((chunks.body.chunks as { headingPath: string[] }[]).map((chunk) => chunk.headingPath)).toContainEqual([
      '住房公积金管理条例',
      '第四章 提取和使用',
      '第二十四条',
    ]);
    const hit = await getJson(`/api/admin/knowledge/hit-test?q=${encodeURIComponent('职工在什么情况下可以提取住房公积金')}`);
    expect(hit.body.threshold).toBe(0.25);
    const first = (hit.body.items as { title: string; passes: boolean; score: number; coverage: number; excerpt: string }[])[0]!;
    expect(first).toMatchObject({ title: '住房公积金管理条例', passes: true, excerpt: expect.stringContaining('提取') });
    const offTopic = await getJson(`/api/admin/knowledge/hit-test?q=${encodeURIComponent('周杰伦最新的歌叫什么')}`);
    expect((offTopic.body.items as { passes: boolean }[]).every((item) => !item.passes)).toBe(true);
  });

  it('rebuilds the vector index in the background with progress, audited', async () => {
    const response = await fetch(`${served.url}/api/admin/knowledge/reindex-runs`, {
      method: 'POST',
      headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken },
    });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { state: string }).state).toBe('running');
    await testApp.knowledge!.queue!.idle();
    const state = await getJson('/api/admin/knowledge/reindex-runs');
    expect(state.body).toMatchObject({ state: 'done', total: testApp.knowledge!.knowledgeBase.size.chunks });
    const [entry] = await testApp.services.repositories.auditLog.list(1);
    expect(entry).toMatchObject({ what: 'knowledge.reindex', before: expect.any(Object), after: expect.any(Object) });
  });

  it('enforces CSRF on every write route and admin-only access on pages and routes', async () => {
    const writes: [string, string][] = [
      ['POST', '/api/admin/knowledge/uploads'],
      ['POST', '/api/admin/knowledge/reindex-runs'],
      ['DELETE', '/api/admin/knowledge/uploads/job_x'],
      ['DELETE', '/api/admin/knowledge/documents/doc_x'],
    ];
    for (const [method, route] of writes) {
      const response = await fetch(`${served.url}${route}`, { method, headers: { Cookie: admin.cookie } });
      expect([route, response.status, ((await response.json()) as { error: { code: string } }).error.code]).toEqual([
        route,
        403,
        'CSRF_FAILED',
      ]);
    }
    const reads = [
      '/api/admin/knowledge/uploads',
      '/api/admin/knowledge/events',
      '/api/admin/knowledge/hit-test?q=公积金',
      '/api/admin/knowledge/documents',
      '/api/admin/knowledge/reindex-runs',
    ];
    for (const route of reads) {
      for (const who of [official, citizen])
        expect([route, (await fetch(`${served.url}${route}`, { headers: { Cookie: who.cookie } })).status]).toEqual([route, 403]);
      expect([route, (await fetch(`${served.url}${route}`)).status]).toEqual([route, 401]);
    }
    expect((await upload([{ name: 'a.md', bytes: Buffer.from('# 标题\n\n内容。') }], official)).status).toBe(403);
    const page = await fetch(`${served.url}/admin/knowledge`, { headers: { Cookie: official.cookie }, redirect: 'manual' });
    expect(page.status).toBe(403);
    const asCitizen = await fetch(`${served.url}/admin/knowledge`, { headers: { Cookie: citizen.cookie }, redirect: 'manual' });
    expect(asCitizen.status).toBe(302);
    expect(asCitizen.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fknowledge');
    expect((await fetch(`${served.url}/admin/knowledge`, { headers: { Cookie: admin.cookie } })).status).toBe(200);
  });

  it('refuses a 1 GB upload while it streams, without reading it, and stays up with nothing stored', async () => {
    const { repositories } = testApp.services;
    const documentsBefore = await repositories.documents.list();
    const jobsBefore = await repositories.ingestionJobs.listOpen();
    // Streams up to 1 GB of one file without ever holding more than 64 KB; stops when the server answers.
    const attempt = (declareLength: boolean) =>
      new Promise<{ status: number; sent: number; message: string }>((resolve, reject) => {
        const boundary = '----xiaoning-huge';
        const head = Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
        );
        const total = 1024 * megabyte;
        const url = new URL(`${served.url}/api/admin/knowledge/uploads`);
        const request = http.request({
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            Cookie: admin.cookie,
            'X-CSRF-Token': admin.csrfToken,
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            ...(declareLength ? { 'Content-Length': String(head.length + total) } : { 'Transfer-Encoding': 'chunked' }),
          },
        });
        let sent = 0;
        let answered = false;
        const block = Buffer.alloc(64 * 1024, 0x41);
        request.on('response', (response) => {
          answered = true;
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => {
            request.destroy();
            resolve({ status: response.statusCode ?? 0, sent, message: text });
          });
        });
        request.on('error', (error) => {
          if (!answered) reject(error);
        });
        request.write(head);
        const pump = () => {
          while (!answered && sent < total) {
            sent += block.length;
            if (!request.write(block)) return void request.once('drain', pump);
          }
        };
        pump();
      });
    for (const declareLength of [true, false]) {
      const result = await attempt(declareLength);
      expect(result.status).toBe(413);
      expect(JSON.parse(result.message)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: '文件太大了：每个文件不能超过 2 MB。' } });
      // Refused at the declared length, or soon after the limit: far from the gigabyte.
      expect(result.sent).toBeLessThan(200 * megabyte);
    }
    expect((await fetch(`${served.url}/api/health`)).status).toBe(200);
    expect(await repositories.documents.list()).toEqual(documentsBefore);
    expect(await repositories.ingestionJobs.listOpen()).toEqual(jobsBefore);
  });

  it('neutralises a zip-bomb DOCX and a path-traversal name: the bomb fails with a reason and leaves nothing, the name loses its folders', async () => {
    const { repositories } = testApp.services;
    const chunksBefore = (await repositories.documents.allChunks()).length;
    const documentsBefore = (await repositories.documents.list()).length;
    const bomb = await makeZipBomb({ inflatedBytes: 300 * megabyte, declaredBytes: 1024 });
    const dataDirectory = testApp.services.config.dataDir;
    const filesBefore = fs.readdirSync(dataDirectory, { recursive: true }).length;
    const response = await upload([
      { name: '../../../../tmp/bomb.docx', bytes: bomb },
      { name: '..\\..\\etc\\passwd', bytes: Buffer.from('# 无害的文件\n\n这是一个普通的说明文件。') },
    ]);
    expect(response.status).toBe(202);
    const { items } = (await response.json()) as { items: Job[] };
    expect(items.map((item) => item.source)).toEqual(['uploads/bomb.docx', 'uploads/passwd']);
    await testApp.knowledge!.queue!.idle();
    const bombJob = (await getJson('/api/admin/knowledge/uploads')).body.items as Job[];
    expect(bombJob.find((job) => job.id === items[0]!.id)).toMatchObject({
      stage: 'failed',
      failureReason: expect.stringMatching(/^文件内容太大，无法导入：.+超过/),
    });
    expect(await repositories.ingestionJobs.contentOf(items[0]!.id)).toBeUndefined();
    expect((await repositories.documents.list()).length).toBe(documentsBefore + 1);
    expect((await repositories.documents.allChunks()).length).toBe(chunksBefore + 1);
    expect(fs.existsSync('/tmp/bomb.docx')).toBe(false);
    // Nothing is written to the file system for an upload (the bytes live in the job row until it ends).
    expect(fs.readdirSync(dataDirectory, { recursive: true }).length).toBe(filesBefore);
    expect((await fetch(`${served.url}/api/health`)).status).toBe(200);

    const removed = await fetch(`${served.url}/api/admin/knowledge/uploads/${items[0]!.id}`, {
      method: 'DELETE',
      headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken },
    });
    expect(removed.status).toBe(200);
    const [entry] = await repositories.auditLog.list(1);
    expect(entry).toMatchObject({ what: 'knowledge.upload.remove', before: expect.objectContaining({ stage: 'failed' }) });
  });
});

describe('the ingestion queue resumes after a restart', () => {
  it('a stop in the middle of a batch leaves queued and half-parsed jobs that the next start finishes', async () => {
    const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-queue-restart-'));
    const open = async () => {
      const database = await openDatabase({ dataDirectory });
      const repositories = createRepositories(database.db);
      const logger = { info: () => undefined, warn: () => undefined };
      const knowledge = await openKnowledge({
        documents: repositories.documents,
        appMeta: repositories.appMeta,
        analyse: textCharacterPairs,
        embedder: createOfflineEmbedder(),
        logger,
        vectorStore: { kind: 'none' },
        queue: { jobs: repositories.ingestionJobs, auditLog: repositories.auditLog },
      });
      return { database, repositories, knowledge, queue: knowledge.queue! };
    };
    try {
      const first = await open();
      const laws = path.resolve(__dirname, '../data/demo/knowledge/laws');
      const files = fs.readdirSync(laws).slice(0, 6);
      const seen: string[] = [];
      first.queue.subscribe((event) => {
        if (event.kind === 'job' && event.job.stage === 'indexed') seen.push(event.job.id);
      });
      for (const file of files) {
        await first.queue.enqueue({
          bytes: fs.readFileSync(path.join(laws, file)),
          source: `uploads/${file}`,
          fileName: file,
          tags: [],
          uploadedBy: 'admin',
        });
      }
      first.queue.start();
      // Stop as soon as the first document is in: the job being run finishes whole, the rest stay queued.
      while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await first.knowledge.close();
      const left = await first.repositories.ingestionJobs.unfinished();
      expect(left.length).toBeGreaterThan(0);
      expect(left.length).toBeLessThan(files.length);
      // A process killed in the middle of a job leaves it "parsing".
      await first.repositories.ingestionJobs.setStatus(left[0]!.id, 'parsing');
      const indexedBefore = (await first.repositories.documents.list()).length;
      expect(indexedBefore).toBe(files.length - left.length);
      await first.database.close();

      const second = await open();
      second.queue.start();
      await second.queue.idle();
      expect(await second.repositories.ingestionJobs.unfinished()).toEqual([]);
      const documents = await second.repositories.documents.list();
      expect(documents.map((document) => document.source).sort()).toEqual(files.map((file) => `uploads/${file}`).sort());
      // Without a vector store a stored document is searchable by BM25 and stays "pending" for vectors.
      expect(documents.every((document) => document.status !== 'failed')).toBe(true);
      expect(second.knowledge.knowledgeBase.size.documents).toBe(files.length);
      await second.knowledge.close();
      await second.database.close();
    } finally {
      fs.rmSync(dataDirectory, { recursive: true, force: true });
    }
  });
});
