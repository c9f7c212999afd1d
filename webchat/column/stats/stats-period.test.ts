import { isPeriod, periodStart } from './stats-period';

describe('数据分析 periods', () => {
  it('starts the day after the same day months ago', () => {
    expect(periodStart('1m', '2026-11-29')).toBe('2026-10-30');
    expect(periodStart('3m', '2026-01-15')).toBe('2025-10-16');
    expect(periodStart('1y', '2026-11-29')).toBe('2025-11-30');
    expect(periodStart('', '2026-11-29')).toBeUndefined();
  });

  it('knows its own values only', () => {
    expect(isPeriod('3m')).toBe(true);
    expect(isPeriod('')).toBe(true);
    expect(isPeriod('5y')).toBe(false);
    expect(isPeriod(undefined)).toBe(false);
  });
});
