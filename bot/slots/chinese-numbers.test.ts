import { parseChineseNumber } from './chinese-numbers';

describe('parseChineseNumber', () => {
  it.each([
    ['12', 12],
    ['０７', 7],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['九十九', 99],
    ['二〇二六', 2026],
    ['二零二五', 2025],
  ])('reads %s as %d', (text, expected) => {
    expect(parseChineseNumber(text)).toBe(expected);
  });

  it.each(['', 'abc', '十二个', '第三', '3号', '一百'])('does not take %j for a number', (text) => {
    expect(parseChineseNumber(text)).toBeUndefined();
  });
});
