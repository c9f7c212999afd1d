import { periodLabel } from './period-label';

const china = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

describe('periodLabel', () => {
  test.each([
    [{ from: china('2026-11-01'), to: china('2026-12-01') }, '2026年11月'],
    [{ from: china('2025-01-01'), to: china('2026-01-01') }, '2025年'],
    [{ from: china('2026-12-10'), to: china('2026-12-11') }, '2026年12月10日'],
    [{ from: china('2026-11-23'), to: china('2026-11-30') }, '2026年11月23日至11月29日'],
    [{ from: china('2025-12-29'), to: china('2026-01-05') }, '2025年12月29日至2026年1月4日'],
    [{ from: china('2026-11-01') }, '2026年11月1日以来'],
    [{}, undefined],
  ])('%j → %s', (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });
});
