import type { KnowledgeHit, KnowledgeSearchOptions } from '../search-results';
import { createPassageSearch, type PassageChunk } from './search-passages';

const chunks: Record<string, PassageChunk[]> = {
  notice: [
    { text: '第一段。', headingPath: ['通知'] },
    { text: '第二段。', headingPath: ['通知'] },
    { text: '第三段。', headingPath: ['通知'] },
  ],
  law: [
    { text: '第一条正文。', headingPath: ['条例', '第一条'] },
    { text: '第二条正文。', headingPath: ['条例', '第二条'] },
  ],
};

const hit = (documentId: string, title: string, headingPath: string[], excerpt: string): KnowledgeHit => ({
  documentId,
  source: `${documentId}.md`,
  title,
  headingPath,
  excerpt,
  score: 0.5,
  coverage: 0.5,
});

/** A knowledge base that answers every question with the given hits and records what it was asked. */
function fakeKnowledge(hits: KnowledgeHit[]) {
  const searches: { question: string; options: KnowledgeSearchOptions }[] = [];
  const search = createPassageSearch({
    search: async (question, options) => {
      searches.push({ question, options });
      return { hits, mode: 'lexical' };
    },
    chunksOf: (documentId) => chunks[documentId] ?? [],
  });
  return { search, searches };
}

describe('searchPassages', () => {
  it('appends the chunk after the best one, keeping the hits order so passage n is source n', async () => {
    const { search } = fakeKnowledge([hit('notice', '通知', ['通知'], '第二段。'), hit('notice', '通知', ['通知'], '第三段。')]);
    const passages = await search('通知说了什么');
    expect(passages.map((passage) => passage.excerpt)).toEqual(['第二段。\n第三段。', '第三段。']);
    expect(passages[0]).toEqual({ source: 'notice.md', title: '通知', headingPath: ['通知'], excerpt: '第二段。\n第三段。' });
  });

  it('does not run into the next law article, and uses the excerpt alone when its chunk is unknown', async () => {
    const { search } = fakeKnowledge([hit('law', '条例', ['条例', '第一条'], '第一条正文。'), hit('missing', 'X', ['X'], '孤立的段落。')]);
    const passages = await search('条例', { following: 2 });
    expect(passages.map((passage) => passage.excerpt)).toEqual(['第一条正文。', '孤立的段落。']);
  });

  it('passes excerpts through untouched when no following chunk is wanted', async () => {
    const { search } = fakeKnowledge([hit('notice', '通知', ['通知'], '第一段。')]);
    expect((await search('通知', { following: 0 }))[0]!.excerpt).toBe('第一段。');
  });

  it("puts the best law's runner-up article second when it fits well enough, keeping k passages", async () => {
    const best = {
      ...hit('law', '条例', ['条例', '第一条'], '第一条正文。'),
      runnerUp: { headingPath: ['条例', '第二条'], excerpt: '第二条正文。', ratio: 0.8 },
    };
    const { search } = fakeKnowledge([best, hit('notice', '通知', ['通知'], '第一段。')]);
    const passages = await search('条例', { k: 2 });
    expect(passages.map((passage) => [passage.headingPath.at(-1), passage.excerpt])).toEqual([
      ['第一条', '第一条正文。'],
      ['第二条', '第二条正文。'],
    ]);
    expect((await search('条例', { k: 2, runnerUp: false })).map((passage) => passage.source)).toEqual(['law.md', 'notice.md']);
    const weak = fakeKnowledge([{ ...best, runnerUp: { ...best.runnerUp, ratio: 0.2 } }]);
    expect((await weak.search('条例', { k: 2 })).map((passage) => passage.excerpt)).toEqual(['第一条正文。']);
  });

  it("ranks the law's whole articles for the runner-ups, each fitting at least half as well, in the last documents' places", async () => {
    chunks.unemployment = [
      { text: '为了保障失业人员的基本生活，制定本条例。', headingPath: ['失业保险条例', '第一条'] },
      { text: '失业保险金由社会保险经办机构按月发放。', headingPath: ['失业保险条例', '第十六条'] },
      { text: '累计缴费满1年不足5年的，', headingPath: ['失业保险条例', '第十七条'] },
      { text: '领取失业保险金的期限最长为12个月。', headingPath: ['失业保险条例', '第十七条'] },
      { text: '本条例自发布之日起施行。', headingPath: ['失业保险条例', '第三十三条'] },
    ];
    const best = hit('unemployment', '失业保险条例', ['失业保险条例', '第十六条'], '失业保险金由社会保险经办机构按月发放。');
    const others = [hit('notice', '通知', ['通知'], '第一段。'), hit('law', '条例', ['条例', '第一条'], '第一条正文。')];
    const { search } = fakeKnowledge([best, ...others]);
    const passages = await search('失业金最长能领多久？', { k: 3 });
    expect(passages.map((passage) => [passage.headingPath.at(-1), passage.excerpt])).toEqual([
      ['第十六条', '失业保险金由社会保险经办机构按月发放。'],
      ['第十七条', '累计缴费满1年不足5年的，\n领取失业保险金的期限最长为12个月。'],
      ['通知', '第一段。\n第二段。'],
    ]);
    expect((await search('失业金最长能领多久？', { k: 3, runnerUp: false })).map((passage) => passage.source)).toEqual([
      'unemployment.md',
      'notice.md',
      'law.md',
    ]);
  });

  it('hands the search options on, without its own', async () => {
    const { search, searches } = fakeKnowledge([]);
    expect(await search('低保', { k: 3, documentIds: ['law'], following: 2, runnerUp: false })).toEqual([]);
    expect(searches).toEqual([{ question: '低保', options: { k: 3, documentIds: ['law'] } }]);
  });
});
