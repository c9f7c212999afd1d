import type { XiaoningResult } from '../../bot';
import { maxTextBytes, truncateToBytes, wechatAnswerText } from './answer-text';

const result = (answer: string, titles: string[]): XiaoningResult => ({
  conversationId: 'c1',
  answer,
  sources: titles.map((title, index) => ({ source: `s${index}.txt`, title, headingPath: ['第二章', `第${index + 1}条`], excerpt: '…' })),
  toolCalls: ['search_policies'],
  suggestions: [],
  refused: false,
  pages: [],
});

describe('wechatAnswerText', () => {
  it('appends the sources as numbered titles matching the [n] markers', () => {
    const text = wechatAnswerText(
      result('申请保障房需要本市户籍[1]，且收入符合标准[2]。', ['宁德市保障性住房管理办法', '住房困难认定细则']),
    );
    expect(text).toBe(
      '申请保障房需要本市户籍[1]，且收入符合标准[2]。\n\n出处：\n[1] 《宁德市保障性住房管理办法》 第1条\n[2] 《住房困难认定细则》 第2条',
    );
  });

  it('shortens a long answer but keeps the sources, within WeChat’s byte limit', () => {
    const text = wechatAnswerText(result('很长的答复。'.repeat(400), ['宁德市保障性住房管理办法']));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxTextBytes);
    expect(text).toContain('……');
    expect(text).toMatch(/出处：\n\[1\] 《宁德市保障性住房管理办法》/);
  });

  it('lists only the sources the answer cites, with their own numbers', () => {
    const text = wechatAnswerText(
      result('可以提取公积金的情形见第二十四条[2]。', ['社会救助暂行办法', '住房公积金管理条例', '食品安全法']),
    );
    expect(text).toBe('可以提取公积金的情形见第二十四条[2]。\n\n出处：\n[2] 《住房公积金管理条例》 第2条');
  });

  it('links the column pages of a data answer only when the column has a public address', () => {
    const answered = {
      ...result('霞浦县人民政府的往期诉求共12条。', []),
      pages: [{ label: '在栏目“往期回顾”查看', path: '/appeals?unit=xpx' }],
    };
    expect(wechatAnswerText(answered, { publicBaseUrl: 'https://column.example.cn' })).toBe(
      '霞浦县人民政府的往期诉求共12条。\n\n在栏目“往期回顾”查看：https://column.example.cn/appeals?unit=xpx',
    );
    expect(wechatAnswerText(answered)).toBe('霞浦县人民政府的往期诉求共12条。');
  });

  it('has no source block when there are no sources', () => {
    expect(wechatAnswerText(result('您好，我是小宁。', []))).toBe('您好，我是小宁。');
  });
});

describe('truncateToBytes', () => {
  it('never cuts inside a character, including characters outside the BMP', () => {
    const text = truncateToBytes('宁德😀'.repeat(100), 50);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(50);
    expect(text).not.toContain('\ufffd');
    expect(text.endsWith('……')).toBe(true);
  });
});
