import { createTokenizer } from './tokenizer';

describe('createTokenizer', () => {
  const tokenizer = createTokenizer();

  test('keeps domain terms whole and drops punctuation', () => {
    const tokens = tokenizer.tokens('住房公积金怎样提取？宁德市住房和城乡建设局管物业吗');
    expect(tokens).toContain('住房公积金');
    expect(tokens).toContain('宁德市住房和城乡建设局');
    expect(tokens).not.toContain('？');
  });

  test('content tokens leave out question words', () => {
    expect(tokenizer.contentTokens('请问低保怎么申请？')).toEqual(['低保', '申请']);
  });

  test('keywords come from the text', () => {
    const text = '小区物业乱收费，业委会不作为，物业公司还停水停电，请求住建局处理物业乱收费问题';
    const keywords = tokenizer.keywords(text, 3);
    expect(keywords).toHaveLength(3);
    for (const keyword of keywords) expect(text).toContain(keyword);
  });
});
