import { isArticleHeading, rankArticles } from './law-articles';

const law = [
  { text: '为了保障失业人员的基本生活，制定本条例。', headingPath: ['失业保险条例', '第一章 总则', '第一条'] },
  { text: '失业人员失业前所在单位和本人累计缴费满1年不足5年的，', headingPath: ['失业保险条例', '第三章 失业保险待遇', '第十七条'] },
  { text: '领取失业保险金的期限最长为12个月。', headingPath: ['失业保险条例', '第三章 失业保险待遇', '第十七条'] },
  { text: '失业保险金由社会保险经办机构按月发放。', headingPath: ['失业保险条例', '第三章 失业保险待遇', '第十六条'] },
  { text: '本条例自发布之日起施行。', headingPath: ['失业保险条例', '第六章 附则', '第三十三条'] },
];

describe('rankArticles', () => {
  it("scores an article as one unit, its heading's paragraphs together, everyday words through the thesaurus", () => {
    const ranked = rankArticles('交了三年，失业金最长能领多久？', law);
    expect(ranked.map(({ article }) => article.headingPath.at(-1))).toEqual(['第十七条', '第十六条', '第一条', '第三十三条']);
    expect(ranked[0]!.article.text).toBe('失业人员失业前所在单位和本人累计缴费满1年不足5年的，\n领取失业保险金的期限最长为12个月。');
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('gives nothing for a document without articles, and a zero score for words no article has', () => {
    expect(rankArticles('失业金', [{ text: '通知正文。', headingPath: ['通知'] }])).toEqual([]);
    expect(rankArticles('今天天气', law).every(({ score }) => score === 0)).toBe(true);
  });

  it('knows an article heading', () => {
    expect(['第十七条', '第一百零八条', '第十条之一'].every(isArticleHeading)).toBe(true);
    expect(['第三章 失业保险待遇', '通知', undefined].some(isArticleHeading)).toBe(false);
  });
});
