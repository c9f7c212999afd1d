/** Dates as people in Ningde read them: China time, whatever the browser's own time zone. */
const dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export const chinaDate = (iso: string) => dateFormat.format(new Date(iso));
export const chinaDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

/** The start of a period that ends now: 近一个月 and 近三个月 as the hot topics' filter offers them. */
export function periodStart(period: 'month' | 'quarter' | 'all', now = new Date()): string | undefined {
  if (period === 'all') return undefined;
  const days = period === 'month' ? 30 : 90;
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
