import { extractOptionNumber } from './option-number';

describe('extractOptionNumber', () => {
  it.each([
    ['投第2个', 2],
    ['2号', 2],
    ['我投３号', 3],
    ['投五号', 5],
    ['选第二个', 2],
    ['第三项', 3],
    ['我要投第十二位', 12],
    ['投票 4', 4],
    ['选 7', 7],
    ['投7', 7],
    ['选项二', 2],
    ['我投选项 6', 6],
  ])('%s → %d', (text, expected) => {
    expect(extractOptionNumber(text)).toBe(expected);
  });

  it.each(['我要投票给住建局', '投票结果怎么样', '第0个', '第51个', '今天天气', '我想投7个人'])('finds no option in %j', (text) => {
    expect(extractOptionNumber(text)).toBeUndefined();
  });
});
