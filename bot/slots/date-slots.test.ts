import { extractDateRange } from './date-slots';

/** Tuesday 24 November 2026, 10:00 in China. */
const now = new Date('2026-11-24T10:00:00+08:00');
/** China midnight of a calendar day. */
const day = (date: string) => new Date(`${date}T00:00:00+08:00`);

describe('extractDateRange (now = Tuesday 2026-11-24, China time)', () => {
  it.each([
    ['今天谁接线', '2026-11-24', '2026-11-25', '今天'],
    ['明天有接线吗', '2026-11-25', '2026-11-26', '明天'],
    ['昨天的诉求', '2026-11-23', '2026-11-24', '昨天'],
    ['后天', '2026-11-26', '2026-11-27', '后天'],
    ['下周四哪个局接电话', '2026-12-03', '2026-12-04', '下周四'],
    ['下星期二', '2026-12-01', '2026-12-02', '下星期二'],
    ['上周五收到的诉求', '2026-11-20', '2026-11-21', '上周五'],
    ['本周四', '2026-11-26', '2026-11-27', '本周四'],
    ['11月20日那场', '2026-11-20', '2026-11-21', '11月20日'],
    ['12月3号有接线吗', '2026-12-03', '2026-12-04', '12月3号'],
    ['十一月二十日', '2026-11-20', '2026-11-21', '十一月二十日'],
    ['2025年3月5号的反映', '2025-03-05', '2025-03-06', '2025年3月5号'],
    // Weeks, months and years.
    ['本周的接线安排', '2026-11-23', '2026-11-30', '本周'],
    ['这周末', '2026-11-28', '2026-11-30', '这周末'],
    ['下周', '2026-11-30', '2026-12-07', '下周'],
    ['上周的接线记录', '2026-11-16', '2026-11-23', '上周'],
    ['上个月大家反映了什么', '2026-10-01', '2026-11-01', '上个月'],
    ['本月的诉求数据', '2026-11-01', '2026-12-01', '本月'],
    ['下个月有哪些单位', '2026-12-01', '2027-01-01', '下个月'],
    ['10月份的诉求', '2026-10-01', '2026-11-01', '10月份'],
    ['今年诉求的趋势', '2026-01-01', '2027-01-01', '今年'],
    ['去年的投诉', '2025-01-01', '2026-01-01', '去年'],
    // Two dates: up to and including the second.
    ['11月20日到11月25日的诉求', '2026-11-20', '2026-11-26', '11月20日到11月25日'],
    ['11月1日至15日', '2026-11-01', '2026-11-16', '11月1日至15日'],
    ['11月28日-12月3日', '2026-11-28', '2026-12-04', '11月28日-12月3日'],
  ])('%s → from %s to %s (end exclusive)', (text, from, to, words) => {
    expect(extractDateRange(text, now)).toEqual({ from: day(from), to: day(to), text: words });
  });

  it('keeps the first day when the second date of a range comes before it', () => {
    expect(extractDateRange('11月20日到11月5日', now)).toEqual({ from: day('2026-11-20'), to: day('2026-11-21'), text: '11月20日' });
  });

  it('takes a weekday said alone for the coming one (today included)', () => {
    expect(extractDateRange('周一谁接听', now)).toMatchObject({ from: day('2026-11-30'), to: day('2026-12-01') });
    expect(extractDateRange('星期二', now)).toMatchObject({ from: day('2026-11-24') });
    expect(extractDateRange('星期天', now)).toMatchObject({ from: day('2026-11-29') });
  });

  it('uses China time: 20:00 UTC on the 23rd is already the 24th in Ningde', () => {
    expect(extractDateRange('今天', new Date('2026-11-23T20:00:00Z'))).toMatchObject({ from: day('2026-11-24') });
  });

  it('wraps months and weeks across the year end', () => {
    const newYearsEve = new Date('2026-12-31T09:00:00+08:00');
    expect(extractDateRange('下个月', newYearsEve)).toMatchObject({ from: day('2027-01-01'), to: day('2027-02-01') });
    expect(extractDateRange('明天', newYearsEve)).toMatchObject({ from: day('2027-01-01') });
    expect(extractDateRange('上个月', new Date('2027-01-10T09:00:00+08:00'))).toMatchObject({
      from: day('2026-12-01'),
      to: day('2027-01-01'),
    });
  });

  it('reads 最近一周, 近一个月, 最近三天 as the days up to and including today; 最近 alone is no date', () => {
    const sunday = new Date('2026-11-29T10:00:00+08:00');
    expect(extractDateRange('最近一周的诉求', sunday)).toMatchObject({ from: day('2026-11-23'), to: day('2026-11-30'), text: '最近一周' });
    expect(extractDateRange('近一个月', sunday)).toMatchObject({ from: day('2026-10-31'), to: day('2026-11-30') });
    expect(extractDateRange('最近三天', sunday)).toMatchObject({ from: day('2026-11-27'), to: day('2026-11-30') });
    expect(extractDateRange('霞浦县最近有哪些诉求', sunday)).toBeUndefined();
  });

  it('finds no date where there is none or the date is impossible', () => {
    expect(extractDateRange('住房公积金怎么提取', now)).toBeUndefined();
    expect(extractDateRange('13月40日', now)).toBeUndefined();
  });
});
