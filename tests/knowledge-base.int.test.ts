import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { isAppError } from '../common';
import { openDatabase, type DatabaseHandle } from '../storage/database';
import { createRepositories, type Repositories } from '../storage/repositories';
import { createOfflineEmbedder } from '../knowledge/embeddings/offline-embedder';
import { defaultIngestLimits } from '../knowledge/ingest/ingest-limits';
import { openKnowledge, type Knowledge } from '../knowledge/open-knowledge';
import { textCharacterPairs } from '../text/term-analysers';
import { createChromaVectorIndex } from '../knowledge/vector-store/chroma-vector-index';
import { storeLeftOverBomb } from './support/left-over-bomb';

jest.setTimeout(120_000);

const lawsDirectory = path.resolve(__dirname, '../data/demo/knowledge/laws');
const warnings: string[] = [];
const logger = { info: () => undefined, warn: (_details: object, message: string) => void warnings.push(message) };

let dataDirectory: string;
let database: DatabaseHandle;
let repositories: Repositories;
let folder: string;

const open = (embedder = createOfflineEmbedder()) =>
  openKnowledge({
    documents: repositories.documents,
    appMeta: repositories.appMeta,
    analyse: textCharacterPairs,
    embedder,
    logger,
    vectorStore: { kind: 'embedded', dataDirectory },
  });

beforeAll(async () => {
  dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-knowledge-'));
  database = await openDatabase({ dataDirectory });
  repositories = createRepositories(database.db);
  folder = path.join(dataDirectory, 'corpus');
  fs.mkdirSync(path.join(folder, 'laws'), { recursive: true });
  for (const name of ['住房公积金管理条例(2019-03-24).md', '城市居民最低生活保障条例(1999-09-28).md', '消费者权益保护法(2013-10-25).md']) {
    fs.copyFileSync(path.join(lawsDirectory, name), path.join(folder, 'laws', name));
  }
  fs.writeFileSync(
    path.join(folder, '物业通知.txt'),
    iconv.encode('宁德市物业服务通知\n小区物业服务企业应当公示收费项目和标准，业主可以向街道反映物业服务质量问题。\n', 'gbk'),
  );
  fs.writeFileSync(
    path.join(folder, 'guide.html'),
    '<html><head><title>公租房申请指南</title></head><body><h1>公租房申请指南</h1><p>申请公共租赁住房需要提交身份证、户口簿和收入证明。</p></body></html>',
  );
});

afterAll(async () => {
  await database.close();
  fs.rmSync(dataDirectory, { recursive: true, force: true });
});

describe('ingestion and hybrid search with the embedded Chroma server', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await open();
  });
  afterAll(() => knowledge.close());

  it('ingests a folder, then a second run changes nothing', async () => {
    const progress: string[] = [];
    const first = await knowledge.ingester.ingestPaths([folder], (step) => progress.push(`${step.done}/${step.total} ${step.outcome}`));
    expect(first).toEqual({ added: 5, updated: 0, unchanged: 0, deleted: 0, failed: [] });
    expect(progress).toEqual(['1/5 added', '2/5 added', '3/5 added', '4/5 added', '5/5 added']);
    const documents = await repositories.documents.list();
    expect(documents.map((document) => document.source)).toEqual([
      'guide.html',
      'laws/住房公积金管理条例(2019-03-24).md',
      'laws/城市居民最低生活保障条例(1999-09-28).md',
      'laws/消费者权益保护法(2013-10-25).md',
      '物业通知.txt',
    ]);
    expect(documents.every((document) => document.status === 'indexed')).toBe(true);
    const chunkCount = (await repositories.documents.allChunks()).length;
    expect(await createChromaVectorIndex({ url: knowledge.vectorUrl, embedderId: createOfflineEmbedder().id }).count()).toBe(chunkCount);

    const before = JSON.stringify(await repositories.documents.allChunks());
    expect(await knowledge.ingester.ingestPaths([folder])).toEqual({ added: 0, updated: 0, unchanged: 5, deleted: 0, failed: [] });
    expect(JSON.stringify(await repositories.documents.allChunks())).toBe(before);
  });

  it('answers with source, title, heading path down to the article, excerpt and score', async () => {
    const { hits, mode } = await knowledge.knowledgeBase.search('职工在什么情况下可以提取住房公积金？', { k: 3 });
    expect(mode).toBe('hybrid');
    expect(hits[0]).toMatchObject({
      source: 'laws/住房公积金管理条例(2019-03-24).md',
      title: '住房公积金管理条例',
      headingPath: ['住房公积金管理条例', '第四章 提取和使用', '第二十四条'],
    });
    expect(hits[0]!.excerpt).toContain('可以提取职工住房公积金账户内的存储余额');
    expect(hits[0]!.score).toBeGreaterThan(0);
    expect(new Set(hits.map((hit) => hit.documentId)).size).toBe(hits.length);
    // A GBK file is found by its Chinese words.
    expect((await knowledge.knowledgeBase.search('物业收费要公示吗')).hits[0]?.source).toBe('物业通知.txt');
  });

  it('returns nothing below the relevance threshold', async () => {
    expect((await knowledge.knowledgeBase.search('红烧肉怎么做才好吃？')).hits).toEqual([]);
    expect((await knowledge.knowledgeBase.search('？？？')).hits).toEqual([]);
  });

  it('filters by document and by tag', async () => {
    const dibao = (await repositories.documents.findBySource('laws/城市居民最低生活保障条例(1999-09-28).md'))!;
    const filtered = await knowledge.knowledgeBase.search('申请', { documentIds: [dibao.id] });
    expect(filtered.hits.length).toBeGreaterThan(0);
    expect(filtered.hits.every((hit) => hit.documentId === dibao.id)).toBe(true);
    const tagged = await knowledge.ingester.ingestBytes(
      Buffer.from('宁德市养老服务补贴办法\n高龄老人可以申请养老服务补贴。'),
      'uploads/养老.txt',
      ['养老'],
    );
    expect((await knowledge.knowledgeBase.search('养老服务补贴', { tags: ['养老'] })).hits.map((hit) => hit.documentId)).toEqual([
      tagged.document.id,
    ]);
    expect((await knowledge.knowledgeBase.search('住房公积金', { tags: ['养老'] })).hits).toEqual([]);
    await knowledge.knowledgeBase.removeDocument(tagged.document.id);
  });

  it('replaces a changed file and deletes one removed from the folder, in both stores', async () => {
    fs.writeFileSync(
      path.join(folder, 'guide.html'),
      '<html><head><title>公租房申请指南</title></head><body><p>申请公共租赁住房还需要提交婚姻状况证明。</p></body></html>',
    );
    fs.rmSync(path.join(folder, '物业通知.txt'));
    expect(await knowledge.ingester.ingestPaths([folder])).toEqual({ added: 0, updated: 1, unchanged: 3, deleted: 1, failed: [] });
    expect(await repositories.documents.findBySource('物业通知.txt')).toBeUndefined();
    expect((await knowledge.knowledgeBase.search('物业收费要公示吗')).hits.map((hit) => hit.source)).not.toContain('物业通知.txt');
    const guide = await knowledge.knowledgeBase.search('公租房婚姻状况证明');
    expect(guide.hits[0]?.excerpt).toContain('婚姻状况证明');
    const chunkCount = (await repositories.documents.allChunks()).length;
    expect(await createChromaVectorIndex({ url: knowledge.vectorUrl, embedderId: createOfflineEmbedder().id }).count()).toBe(chunkCount);
  });

  it('reports files it cannot read with a reason and goes on', async () => {
    const bad = path.join(dataDirectory, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'empty.txt'), '   \n');
    fs.writeFileSync(path.join(bad, 'binary.pdf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
    fs.writeFileSync(path.join(bad, 'fine.md'), '# 通知\n\n这是一份正常的文件。');
    const summary = await knowledge.ingester.ingestPaths([bad, path.join(dataDirectory, 'missing')]);
    expect(summary.added).toBe(1);
    expect(summary.failed.map((failure) => failure.source).sort()).toEqual([
      path.join(dataDirectory, 'missing'),
      'binary.pdf',
      'empty.txt',
    ]);
    expect(summary.failed.every((failure) => /[\u4e00-\u9fa5]/.test(failure.reason))).toBe(true);
  });

  it('keeps searching with BM25 alone while Chroma is down, and restarts it', async () => {
    const server = knowledge.chromaServer!;
    const pid = server.pid;
    expect(pid).toEqual(expect.any(Number));
    process.kill(pid!, 'SIGKILL');
    // Between the crash and the restart, search still answers from BM25.
    let lexical = false;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const result = await knowledge.knowledgeBase.search('住房公积金提取');
      expect(result.hits.length).toBeGreaterThan(0);
      if (result.mode === 'lexical') lexical = true;
      if (server.url && server.pid !== pid && result.mode === 'hybrid') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(lexical).toBe(true);
    expect(server.pid).not.toBe(pid);
    expect((await knowledge.knowledgeBase.search('住房公积金提取')).mode).toBe('hybrid');
  });
});

describe('a vector store that does not answer', () => {
  it('neither stops the start nor holds up a search: BM25 answers alone within the time limit', async () => {
    const sockets: net.Socket[] = [];
    // Accepts connections and never answers, like a hung server.
    const hung = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const { port } = hung.address() as net.AddressInfo;
    try {
      const knowledge = await openKnowledge({
        documents: repositories.documents,
        appMeta: repositories.appMeta,
        analyse: textCharacterPairs,
        embedder: createOfflineEmbedder(),
        logger,
        vectorStore: { kind: 'remote', url: `http://127.0.0.1:${port}` },
      });
      expect(knowledge.vectors).toBe('unavailable');
      const started = Date.now();
      const result = await knowledge.knowledgeBase.search('住房公积金提取');
      expect(result.mode).toBe('lexical');
      expect(result.hits.length).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(5000);
      await knowledge.close();
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => hung.close(resolve));
    }
  });
});

describe('the vector store follows the chunks of record', () => {
  it('rebuilds a collection made by another embedder, keeps a current one, and reindex restores a lost one', async () => {
    const small = createOfflineEmbedder({ dimensions: 256 });
    const first = await open(small);
    expect(first.vectors).toBe('rebuilt');
    await first.close();

    const again = await open(small);
    expect(again.vectors).toBe('current');
    const index = createChromaVectorIndex({ url: again.vectorUrl, embedderId: small.id });
    await index.reset();
    expect(await index.count()).toBe(0);
    expect(await again.knowledgeBase.reindex()).toEqual({ chunks: (await repositories.documents.allChunks()).length });
    const rebuilt = createChromaVectorIndex({ url: again.vectorUrl, embedderId: small.id });
    expect(await rebuilt.count()).toBe((await repositories.documents.allChunks()).length);
    await again.close();

    const back = await open();
    expect(back.vectors).toBe('rebuilt');
    await back.close();
  });
});

describe('a document left over the chunk limit by a version without limits (the reported zip bomb)', () => {
  it('is marked failed and skipped at the next start; search, vectors, uploads and deletion go on', async () => {
    const leftOver = await storeLeftOverBomb(repositories);
    expect(leftOver.chunkCount).toBeGreaterThan(defaultIngestLimits.maxChunks);
    const knowledge = await open();
    try {
      expect((await repositories.documents.get(leftOver.id))?.status).toBe('failed');
      expect(warnings).toContain('document over the chunk limit marked failed and skipped');
      expect(knowledge.knowledgeBase.getDocument(leftOver.id)).toBeUndefined();
      const { hits, mode } = await knowledge.knowledgeBase.search('职工在什么情况下可以提取住房公积金？');
      expect(mode).toBe('hybrid');
      expect(hits[0]?.title).toBe('住房公积金管理条例');
      const otherChunks = (await repositories.documents.allChunks([leftOver.id])).length;
      expect(knowledge.knowledgeBase.size.chunks).toBe(otherChunks);
      expect(await createChromaVectorIndex({ url: knowledge.vectorUrl, embedderId: createOfflineEmbedder().id }).count()).toBe(otherChunks);

      // The same file uploaded again is read again (not "unchanged") and refused; the failed row stays as it was.
      const again = await knowledge.ingester.ingestBytes(leftOver.bytes, leftOver.source).catch((error: unknown) => error);
      expect(isAppError(again) && again.status).toBe(413);
      expect(await repositories.documents.get(leftOver.id)).toMatchObject({ status: 'failed', chunkCount: leftOver.chunkCount });

      // The administrator deletes it; a second start has nothing to skip.
      expect(await knowledge.knowledgeBase.removeDocument(leftOver.id)).toBe(true);
      expect(await repositories.documents.chunksOf(leftOver.id)).toEqual([]);
    } finally {
      await knowledge.close();
    }
  });
});
