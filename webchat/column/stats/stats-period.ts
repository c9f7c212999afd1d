/** 数据分析's period filter: a few plain choices, each a start day in China time. */
export const periods = [
  { value: '', label: '全部时间' },
  { value: '1m', label: '近一个月' },
  { value: '3m', label: '近三个月' },
  { value: '1y', label: '近一年' },
] as const;

export type Period = (typeof periods)[number]['value'];

export const isPeriod = (value: string | undefined): value is Period => periods.some((period) => period.value === value);

/** The first day (YYYY-MM-DD) of a period ending today (China time); undefined for all time. */
export function periodStart(period: Period, today: string): string | undefined {
  if (period === '') return undefined;
  const months = period === '1m' ? 1 : period === '3m' ? 3 : 12;
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const start = new Date(Date.UTC(year, month - 1 - months, day + 1));
  return start.toISOString().slice(0, 10);
}
