/**
 * Issue 13's everyday policy questions, asked through the search_policies tool as the agent calls it, over
 * the whole demo corpus (58 laws and 593 epidemic-period notices, BM25 alone as without a vector store):
 * the right law is found, cited by its article, and the answer keeps to it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composePolicyAnswer } from '../bot/answers/compose-policy-answer';
import { searchPolicies } from '../bot/tools/search-policies/search-policies';
import { openDatabase, type DatabaseHandle } from '../storage/database';
import { createRepositories } from '../storage/repositories';
import { createOfflineEmbedder } from '../knowledge/embeddings/offline-embedder';
import { openKnowledge, type Knowledge } from '../knowledge/open-knowledge';
import { textCharacterPairs } from '../text/term-analysers';

jest.setTimeout(180_000);

let dataDirectory: string;
let database: DatabaseHandle;
let knowledge: Knowledge;

beforeAll(async () => {
  dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-everyday-'));
  database = await openDatabase({ dataDirectory });
  const repositories = createRepositories(database.db);
  knowledge = await openKnowledge({
    documents: repositories.documents,
    appMeta: repositories.appMeta,
    analyse: textCharacterPairs,
    embedder: createOfflineEmbedder(),
    logger: { info: () => undefined, warn: () => undefined },
    vectorStore: { kind: 'none' },
  });
  await knowledge.ingester.ingestPaths([path.resolve(__dirname, '../data/demo/knowledge')]);
});

afterAll(async () => {
  await knowledge.close();
  await database.close();
  fs.rmSync(dataDirectory, { recursive: true, force: true });
});

interface ToolOutput {
  found: boolean;
  sources: { n: number; source: string; title: string; headingPath: string[]; excerpt: string }[];
}

async function ask(question: string) {
  const tool = searchPolicies.createTool({
    searchPolicies: (query: string, k: number) => knowledge.knowledgeBase.searchPassages(query, { k }),
  } as never);
  const content = String(await tool.invoke({ query: question }));
  const output = searchPolicies.readResult(content) as ToolOutput;
  const answer = searchPolicies.renderResult(content, { question, composePolicy: composePolicyAnswer })!;
  return { output, answer };
}

describe('everyday policy questions through search_policies', () => {
  it('我想了解一下低保政策 finds 城市居民最低生活保障条例', async () => {
    const { output, answer } = await ask('我想了解一下低保政策');
    expect(output.found).toBe(true);
    expect(output.sources.slice(0, 2).map((source) => source.source)).toContain('laws/城市居民最低生活保障条例(1999-09-28).md');
    expect(answer).toContain('最低生活保障');
  });

  it('失业金怎么领 finds 失业保险条例, cited by its article', async () => {
    const { output, answer } = await ask('失业金怎么领');
    expect(output.sources[0]!.source).toBe('laws/失业保险条例(1999-01-22).md');
    expect(output.sources[0]!.title).toMatch(/^失业保险条例 · 第.+条$/);
    expect(answer).toContain('失业保险金');
  });

  it('社保怎么转移 finds 社会保险法 and the social insurance rules, not an epidemic-period notice', async () => {
    const { output } = await ask('社保怎么转移');
    // 社会保险经办条例 (its chapter 社会保险登记和关系转移) answers as well, with its runner-up article second; a
    // notice does not answer at all.
    expect(output.sources[0]!.source).toMatch(/^laws\/社会保险/);
    expect(output.sources.every((source) => source.source.startsWith('laws/'))).toBe(true);
    expect(output.sources.map((source) => source.source)).toContain('laws/社会保险法(2018-12-29).md');
    expect(output.sources.find((source) => source.source === 'laws/社会保险法(2018-12-29).md')!.excerpt).toContain('转移');
  });

  it('保障房的申请条件是什么 quotes the right article and nothing of another document', async () => {
    const { output, answer } = await ask('保障房的申请条件是什么');
    expect(output.sources[0]!.source).toBe('laws/社会救助暂行办法(2019-03-02).md');
    expect(answer).toMatch(/住房救助/);
    expect(answer).not.toContain('创业担保贷款');
    // Every quoted passage is an article of the same law (its runner-up article may answer too).
    const cited = [...answer.matchAll(/\[(\d+)\]/g)].map((match) => output.sources[Number(match[1]) - 1]!.source);
    expect(cited.length).toBeGreaterThan(0);
    expect(new Set(cited)).toEqual(new Set(['laws/社会救助暂行办法(2019-03-02).md']));
  });

  it('gives no source for everyday questions outside the policies', async () => {
    for (const question of ['明天会不会下雨？', '可乐鸡翅怎么做？', '茅台股票还能买吗？', '给我讲个笑话吧']) {
      expect((await ask(question)).output.found).toBe(false);
    }
  });
});
