import { z } from 'zod';
import { AppError } from '../../common';

/** A day (YYYY-MM-DD, China time) or an exact time with its zone. */
export const dayOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: '日期格式应为 YYYY-MM-DD 或带时区的时间' });

/** A day alone starts at 00:00 in China's time zone. */
export const startOf = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00+08:00` : value);

/** A day alone ends at the following midnight (exclusive); a time is taken as it is. */
export const endOf = (value: string) => (value.length === 10 ? new Date(startOf(value).getTime() + 24 * 60 * 60 * 1000) : new Date(value));

/** [from, to) from optional query values; to before from is refused. */
export function dateRange(query: { from?: string | undefined; to?: string | undefined }): { from?: Date; to?: Date } {
  const from = query.from ? startOf(query.from) : undefined;
  const to = query.to ? endOf(query.to) : undefined;
  if (from && to && to <= from) throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期。');
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
