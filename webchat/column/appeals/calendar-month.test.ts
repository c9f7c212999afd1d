import { chinaToday, dayLabel, monthLabel, monthWeeks, shiftMonth } from './calendar-month';

describe('接线日历 months', () => {
  it('moves across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-11', 0)).toBe('2026-11');
  });

  it('lays November 2026 out Monday first: the 1st is a Sunday', () => {
    const weeks = monthWeeks('2026-11');
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('names months and days the Chinese way, and today in China time', () => {
    expect(monthLabel('2026-03')).toBe('2026年3月');
    expect(dayLabel('2026-11-03')).toBe('11月3日');
    expect(chinaToday(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
  });
});
