import { createAppealAssociations, createQuestionCues } from './appeal-associations';

describe('appeal associations (learned from the appeals and their replies)', () => {
  const associate = createAppealAssociations();

  it("gives the replies' official words for everyday words of the appeals", () => {
    expect(associate('楼下饭店噪音太大')).toContain('噪声');
    expect(associate('小区天然气什么时候通')).toContain('燃气');
  });

  it('adds nothing to a sentence without everyday words of the appeals', () => {
    expect(associate('一加一等于几')).toEqual([]);
  });
});

describe('question cues (the kind of answer asked for)', () => {
  const cues = createQuestionCues();

  it("gives the words of the article that answers a deadline's, a penalty's or a competence's question", () => {
    expect(cues('投诉了多久要处理')).toContain('日内');
    expect(cues('偷排污水会被罚多少')).toContain('罚款');
    expect(cues('这事归谁管')).toContain('主管部门');
    expect(cues('低保标准')).toEqual([]);
  });
});
