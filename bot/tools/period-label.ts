const dayMs = 24 * 60 * 60 * 1000;
const chinaOffsetMs = 8 * 60 * 60 * 1000;

/** Year, month, day and whether the moment is midnight, in China time. */
function chinaParts(moment: Date) {
  const shifted = new Date(moment.getTime() + chinaOffsetMs);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    midnight: shifted.getUTCHours() === 0 && shifted.getUTCMinutes() === 0,
  };
}

/**
 * A period as people say it back (2026年11月, 2025年, 12月10日, 11月23日至11月29日), for answers that name what
 * they were asked about. `to` is exclusive, as the tools take it. Undefined when there is no period.
 */
export function periodLabel(period: { from?: string | undefined; to?: string | undefined }): string | undefined {
  if (!period.from && !period.to) return undefined;
  const from = period.from ? chinaParts(new Date(period.from)) : undefined;
  const last = period.to ? chinaParts(new Date(new Date(period.to).getTime() - dayMs)) : undefined;
  const date = (parts: { year: number; month: number; day: number }, withYear: boolean) =>
    `${withYear ? `${parts.year}年` : ''}${parts.month}月${parts.day}日`;
  if (!from) return `${date(last!, true)}以前`;
  if (!last) return `${date(from, true)}以来`;
  const to = chinaParts(new Date(period.to!));
  if (from.day === 1 && to.day === 1 && from.midnight && to.midnight) {
    const months = (to.year - from.year) * 12 + to.month - from.month;
    if (months === 12 && from.month === 1) return `${from.year}年`;
    if (months === 1) return `${from.year}年${from.month}月`;
  }
  if (from.year === last.year && from.month === last.month && from.day === last.day) return date(from, true);
  return `${date(from, true)}至${date(last, from.year !== last.year)}`;
}
