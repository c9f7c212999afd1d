import { parseChineseNumber } from './chinese-numbers';

export interface DateRange {
  /** Inclusive start, China time midnight. */
  from: Date;
  /** Exclusive end. */
  to: Date;
  /** The words it came from, e.g. 下周四. */
  text: string;
}

const dayMs = 24 * 60 * 60 * 1000;
const chinaOffsetMs = 8 * 60 * 60 * 1000;
const number = '[0-9０-９零〇一二两三四五六七八九十]+';
const weekdayNames: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 末: 6 };

/** Midnight (China time) of the day `moment` falls on. */
const chinaMidnight = (moment: Date) => new Date(Math.floor((moment.getTime() + chinaOffsetMs) / dayMs) * dayMs - chinaOffsetMs);
const chinaWeekday = (moment: Date) => {
  const day = new Date(moment.getTime() + chinaOffsetMs).getUTCDay();
  return day === 0 ? 7 : day;
};
const dayRange = (start: Date, days: number, text: string): DateRange => ({
  from: start,
  to: new Date(start.getTime() + days * dayMs),
  text,
});
const chinaDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day) - chinaOffsetMs);

/**
 * Dates as people say them, relative to `now` (China time): 今天/明天/后天/昨天, 本周/下周/上周 (+ 周四 or 星期四),
 * 本月/下个月/上个月, 最近一周/近一个月/最近三天, 今年/去年, 11月20日 / 11月20号 / 2026年11月20日 (and ranges 11月20日到25日, 11月20日至12月3日),
 * 11月. The first one found wins.
 */
export function extractDateRange(text: string, now: Date): DateRange | undefined {
  const today = chinaMidnight(now);
  const nowParts = new Date(now.getTime() + chinaOffsetMs);
  const year = nowParts.getUTCFullYear();
  const month = nowParts.getUTCMonth() + 1;

  const fullDate = new RegExp(
    `(?:(\\d{4})年)?(${number})月(${number})[日号](?:\\s*(?:到|至|-|~|～|—)\\s*(?:(?:(\\d{4})年)?(${number})月)?(${number})[日号])?`,
  ).exec(text);
  if (fullDate) {
    const monthNumber = parseChineseNumber(fullDate[2]!);
    const dayNumber = parseChineseNumber(fullDate[3]!);
    if (monthNumber && dayNumber && monthNumber <= 12 && dayNumber <= 31) {
      const startYear = fullDate[1] ? Number(fullDate[1]) : year;
      const start = chinaDate(startYear, monthNumber, dayNumber);
      // 11月20日到25日, 11月20日至12月3日: up to and including the second date.
      const endMonth = fullDate[5] ? parseChineseNumber(fullDate[5]) : monthNumber;
      const endDay = fullDate[6] ? parseChineseNumber(fullDate[6]) : undefined;
      if (endMonth && endDay && endMonth <= 12 && endDay <= 31) {
        const end = new Date(chinaDate(fullDate[4] ? Number(fullDate[4]) : startYear, endMonth, endDay).getTime() + dayMs);
        if (end > start) return { from: start, to: end, text: fullDate[0] };
      }
      return dayRange(start, 1, fullDate[0].replace(/\s*(?:到|至|-|~|～|—).*$/, ''));
    }
  }
  const week = /(本周|这周|这个星期|下周|下个星期|下星期|上周|上个星期|上星期)([一二三四五六日天末])?|(?:周|星期)([一二三四五六日天])/.exec(
    text,
  );
  if (week) {
    const offset = week[1] ? (/下/.test(week[1]) ? 7 : /上/.test(week[1]) ? -7 : 0) : 0;
    const monday = new Date(today.getTime() - (chinaWeekday(now) - 1) * dayMs + offset * dayMs);
    const weekday = week[2] ?? week[3];
    if (!weekday) return dayRange(monday, 7, week[0]);
    if (weekday === '末') return dayRange(new Date(monday.getTime() + 5 * dayMs), 2, week[0]);
    let date = new Date(monday.getTime() + (weekdayNames[weekday]! - 1) * dayMs);
    // "周四" alone means the coming one.
    if (!week[1] && date < today) date = new Date(date.getTime() + 7 * dayMs);
    return dayRange(date, 1, week[0]);
  }
  // 最近一周, 近一个月, 最近三天, 近半年: the days up to and including today.
  const recent = new RegExp(`(?:最近|近|过去)(${number}|半|几)?(?:个)?(天|日|周|星期|礼拜|月|年)`).exec(text);
  if (recent && !/^(?:最近|近|过去)(?:天|日|周|月|年)$/.test(recent[0])) {
    const count = recent[1] === '半' ? 0.5 : recent[1] === '几' ? 3 : recent[1] ? parseChineseNumber(recent[1]) : 1;
    const unitDays: Record<string, number> = { 天: 1, 日: 1, 周: 7, 星期: 7, 礼拜: 7, 月: 30, 年: 365 };
    if (count && count <= 400) {
      const days = Math.round(count * unitDays[recent[2]!]!);
      return { from: new Date(today.getTime() - (days - 1) * dayMs), to: new Date(today.getTime() + dayMs), text: recent[0] };
    }
  }
  const relativeDays: Record<string, number> = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2, 昨天: -1, 前天: -2 };
  const relative = /今天|今日|明天|明日|后天|昨天|前天/.exec(text);
  if (relative) return dayRange(new Date(today.getTime() + relativeDays[relative[0]]! * dayMs), 1, relative[0]);
  const relativeMonth = /(本月|这个月|这月|下个月|下月|上个月|上月)/.exec(text);
  if (relativeMonth) {
    const shift = /下/.test(relativeMonth[1]!) ? 1 : /上/.test(relativeMonth[1]!) ? -1 : 0;
    const start = chinaDate(year, month + shift, 1);
    return { from: start, to: chinaDate(year, month + shift + 1, 1), text: relativeMonth[1]! };
  }
  const monthOnly = new RegExp(`(?:(\\d{4})年)?(${number})月份?`).exec(text);
  if (monthOnly) {
    const monthNumber = parseChineseNumber(monthOnly[2]!);
    if (monthNumber && monthNumber <= 12) {
      const monthYear = monthOnly[1] ? Number(monthOnly[1]) : year;
      return { from: chinaDate(monthYear, monthNumber, 1), to: chinaDate(monthYear, monthNumber + 1, 1), text: monthOnly[0] };
    }
  }
  const yearWord = /(今年|去年)/.exec(text);
  if (yearWord) {
    const which = yearWord[1] === '去年' ? year - 1 : year;
    return { from: chinaDate(which, 1, 1), to: chinaDate(which + 1, 1, 1), text: yearWord[1]! };
  }
  return undefined;
}
