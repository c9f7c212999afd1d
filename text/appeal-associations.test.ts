import { createAppealAssociations } from './appeal-associations';

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
