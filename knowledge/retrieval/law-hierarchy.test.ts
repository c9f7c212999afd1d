import { basisOfDocument, createLawHierarchy, lawTitle, preferParentLaw } from './law-hierarchy';

const article = (heading: string, text: string) => ({ headingPath: ['中华人民共和国劳动合同法实施条例', '第一章 总则', heading], text });

describe('law hierarchy', () => {
  it('reads the laws a regulation was made under from its first article', () => {
    expect(
      basisOfDocument([article('第一条', '第一条 为了贯彻实施《中华人民共和国劳动合同法》(以下简称劳动合同法)，制定本条例。')]),
    ).toEqual(['劳动合同法']);
    expect(
      basisOfDocument([
        article('第一条', '第一条 为了促进残疾人就业，根据《中华人民共和国残疾人保障法》和《中华人民共和国就业促进法》，制定本条例。'),
      ]),
    ).toEqual(['残疾人保障法', '就业促进法']);
    // A law made for its own purpose names no basis; a later article citing a law is not a basis.
    expect(
      basisOfDocument([
        article('第一条', '第一条 为了规范社会保险关系，维护公民参加社会保险的合法权益，制定本法。'),
        article('第二条', '第二条 依照《中华人民共和国劳动法》的规定执行。'),
      ]),
    ).toEqual([]);
    expect(lawTitle('中华人民共和国社会保险法')).toBe('社会保险法');
  });

  it('puts the law before its regulation when both fit about equally, not otherwise', () => {
    const laws = createLawHierarchy();
    laws.add('law', '中华人民共和国劳动合同法', [article('第一条', '第一条 为了完善劳动合同制度，制定本法。')]);
    laws.add('regulation', '中华人民共和国劳动合同法实施条例', [
      article('第一条', '第一条 为了贯彻实施《中华人民共和国劳动合同法》，制定本条例。'),
    ]);
    laws.add('other', '工资支付暂行规定', [article('第一条', '第一条 根据《中华人民共和国劳动法》制定本规定。')]);
    expect(laws.isMadeUnder('regulation', 'law')).toBe(true);
    expect(laws.isMadeUnder('law', 'regulation')).toBe(false);
    const close = [
      { documentId: 'regulation', score: 0.8 },
      { documentId: 'law', score: 0.79 },
      { documentId: 'other', score: 0.5 },
    ];
    expect(preferParentLaw(close, laws, 0.95).map((hit) => hit.documentId)).toEqual(['law', 'regulation', 'other']);
    const apart = [
      { documentId: 'regulation', score: 0.8 },
      { documentId: 'law', score: 0.7 },
    ];
    expect(preferParentLaw(apart, laws, 0.95).map((hit) => hit.documentId)).toEqual(['regulation', 'law']);
    const unrelated = [
      { documentId: 'other', score: 0.8 },
      { documentId: 'law', score: 0.8 },
    ];
    expect(preferParentLaw(unrelated, laws, 0.95).map((hit) => hit.documentId)).toEqual(['other', 'law']);
    laws.remove('law');
    expect(laws.isMadeUnder('regulation', 'law')).toBe(false);
  });
});
