import type { Chunk, DocumentsRepository, KnowledgeDocument } from '../storage';
import { textCharacterPairs } from '../text';
import { createOfflineEmbedder } from './embeddings/offline-embedder';
import { createKnowledgeBase } from './knowledge-base';
import { defaultFusionWeights, defaultRelevanceThreshold, defaultRerankWeights } from './retrieval/retrieval-settings';
import { defaultIngestLimits } from './ingest/ingest-limits';
import { createInMemoryVectorIndex } from './vector-store/in-memory-vector-index';
import type { VectorIndex } from './vector-store/vector-index';

const document = (id: string, title: string): KnowledgeDocument => ({
  id,
  source: `${id}.md`,
  title,
  mime: 'text/markdown',
  sha256: id,
  status: 'pending',
  chunkCount: 0,
  tags: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

const chunk = (documentId: string, ordinal: number, headingPath: string[], text: string): Chunk => ({
  id: `${documentId}-${ordinal}`,
  documentId,
  ordinal,
  text,
  headingPath,
});

const fund = ['住房公积金管理条例', '第四章 提取和使用'];
const storedChunks: Chunk[] = [
  chunk('fund', 0, [...fund, '第二十四条'], '第二十四条 职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：'),
  chunk('fund', 1, [...fund, '第二十四条'], '（一）购买、建造、翻建、大修自住住房的；（二）离休、退休的。'),
  chunk('fund', 2, [...fund, '第二十五条'], '第二十五条 职工提取住房公积金账户内的存储余额的，所在单位应当予以核实，并出具提取证明。'),
  chunk('notice', 0, ['宁德市物业服务通知'], '小区物业服务企业应当公示收费项目和标准。'),
  chunk('notice', 1, ['宁德市物业服务通知'], '业主可以向街道反映物业服务质量问题。'),
];

/** The documents repository in memory; records which methods were called. */
function fakeDocuments() {
  const documents = [document('fund', '住房公积金管理条例'), document('notice', '宁德市物业服务通知')];
  const calls: string[] = [];
  const repository: DocumentsRepository = {
    list: async () => (calls.push('list'), documents),
    get: async (id) => (calls.push('get'), documents.find((each) => each.id === id)),
    findBySource: async (source) => (calls.push('findBySource'), documents.find((each) => each.source === source)),
    saveWithChunks: () => Promise.reject(new Error('not used here')),
    setStatus: async (id, status) => {
      calls.push('setStatus');
      const found = documents.find((each) => each.id === id);
      if (found) found.status = status;
    },
    remove: async () => (calls.push('remove'), false),
    chunksOf: async (documentId) => (calls.push('chunksOf'), storedChunks.filter((each) => each.documentId === documentId)),
    allChunks: async () => (calls.push('allChunks'), storedChunks),
  };
  return { repository, calls };
}

async function openKnowledgeBase(vectorIndex: VectorIndex = createInMemoryVectorIndex()) {
  const documents = fakeDocuments();
  const knowledgeBase = createKnowledgeBase({
    documents: documents.repository,
    analyse: textCharacterPairs,
    embedder: createOfflineEmbedder({ dimensions: 256 }),
    vectorIndex,
    logger: { info: () => undefined, warn: () => undefined },
    weights: defaultFusionWeights,
    rerankWeights: defaultRerankWeights,
    threshold: defaultRelevanceThreshold,
    maxChunksPerDocument: defaultIngestLimits.maxChunks,
  });
  await knowledgeBase.load();
  return { knowledgeBase, calls: documents.calls };
}

describe('knowledge base (in-memory vector index)', () => {
  it('builds the vectors once, then finds them current', async () => {
    const { knowledgeBase } = await openKnowledgeBase();
    expect(await knowledgeBase.syncVectors()).toBe('rebuilt');
    expect(await knowledgeBase.syncVectors()).toBe('current');
    expect(knowledgeBase.listDocuments().every((each) => each.status === 'indexed')).toBe(true);
  });

  it('searches hybrid and gives passages of the best chunk and the next one, reading no chunk from the database', async () => {
    const { knowledgeBase, calls } = await openKnowledgeBase();
    await knowledgeBase.syncVectors();
    calls.length = 0;
    const question = '职工在什么情况下可以提取住房公积金？';
    expect((await knowledgeBase.search(question)).mode).toBe('hybrid');
    const [passage] = await knowledgeBase.searchPassages(question, { k: 1 });
    expect(passage).toEqual({
      source: 'fund.md',
      title: '住房公积金管理条例',
      headingPath: [...fund, '第二十四条'],
      excerpt: `${storedChunks[0]!.text}\n${storedChunks[1]!.text}`,
    });
    // The next article is another source with another heading: never appended.
    expect((await knowledgeBase.searchPassages(question, { k: 1, following: 3 }))[0]!.excerpt).not.toContain('第二十五条');
    expect(calls).toEqual([]);
  });

  it('follows a re-indexed document', async () => {
    const { knowledgeBase } = await openKnowledgeBase();
    storedChunks.push(chunk('notice', 2, ['宁德市物业服务通知'], '物业服务收费标准调整前应当征求业主意见。'));
    try {
      await knowledgeBase.indexDocument(knowledgeBase.getDocument('notice')!);
      const passages = await knowledgeBase.searchPassages('业主反映物业服务质量问题', { k: 1 });
      expect(passages[0]!.excerpt).toBe('业主可以向街道反映物业服务质量问题。\n物业服务收费标准调整前应当征求业主意见。');
    } finally {
      storedChunks.pop();
    }
  });

  it('answers a question asked again from its recent searches, until a document changes', async () => {
    const { knowledgeBase } = await openKnowledgeBase();
    await knowledgeBase.syncVectors();
    const question = '业主反映物业服务质量问题';
    const first = await knowledgeBase.search(question, { k: 1 });
    expect(first.hits[0]!.excerpt).toBe('业主可以向街道反映物业服务质量问题。');
    // What a caller does with its copy does not reach the next caller.
    first.hits[0]!.excerpt = 'changed by a caller';
    expect((await knowledgeBase.search(question, { k: 1 })).hits[0]!.excerpt).toBe('业主可以向街道反映物业服务质量问题。');
    storedChunks.push(chunk('notice', 2, ['宁德市物业服务通知'], '业主反映物业服务质量问题的，街道应当在七日内答复。'));
    try {
      await knowledgeBase.indexDocument(knowledgeBase.getDocument('notice')!);
      expect((await knowledgeBase.search(question, { k: 1 })).hits[0]!.excerpt).toBe(storedChunks.at(-1)!.text);
    } finally {
      storedChunks.pop();
    }
  });

  it('does not keep a search made while the vector store was down', async () => {
    const vectors = createInMemoryVectorIndex();
    let down = true;
    const { knowledgeBase } = await openKnowledgeBase({
      ...vectors,
      query: (...query) => (down ? Promise.reject(new Error('connection refused')) : vectors.query(...query)),
    });
    await knowledgeBase.syncVectors();
    const question = '职工在什么情况下可以提取住房公积金？';
    expect((await knowledgeBase.search(question)).mode).toBe('lexical');
    down = false;
    expect((await knowledgeBase.search(question)).mode).toBe('hybrid');
  });
});
