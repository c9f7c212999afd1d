import { policyQueries } from './policy-queries';

describe('policy queries for a call', () => {
  it('asks the whole call first, then its topics with the first keyword, then the topics alone', () => {
    expect(policyQueries({ summary: '电梯坏了物业不修', tags: ['物业服务'], keywords: ['电梯', '下楼'] })).toEqual([
      '电梯坏了物业不修 物业服务',
      '物业服务 电梯',
      '物业服务',
    ]);
  });

  it('asks nothing that the analysis did not find', () => {
    expect(policyQueries({ summary: '你好', tags: [], keywords: ['你好'] })).toEqual(['你好']);
    expect(policyQueries({ summary: '', tags: [], keywords: [] })).toEqual([]);
  });
});
