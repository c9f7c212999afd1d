const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const weekdays: Record<string, string> = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六' };

/** "11月20日（星期四）09:00" in China time, whatever the server's own time zone. */
export function chinaDateTime(date: Date): string {
  const part = Object.fromEntries(parts.formatToParts(date).map(({ type, value }) => [type, value]));
  return `${part.month}月${part.day}日（星期${weekdays[part.weekday ?? ''] ?? ''}）${part.hour}:${part.minute}`;
}

/** "09:00" in China time. */
export function chinaClock(date: Date): string {
  const part = Object.fromEntries(parts.formatToParts(date).map(({ type, value }) => [type, value]));
  return `${part.hour}:${part.minute}`;
}
