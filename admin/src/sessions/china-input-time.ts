/**
 * The panel's time fields are Beijing time whatever the browser's own zone: a `datetime-local` value
 * ("2026-12-01T15:00") is read as China time and sent with +08:00; stored times are shown back in China time.
 */
const inputFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-12-01T15:00" (China time) → "2026-12-01T15:00:00+08:00"; empty or malformed → undefined. */
export function chinaInputToIso(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : undefined;
}

/** An instant as a `datetime-local` value in China time. */
export function isoToChinaInput(iso: string | Date): string {
  const part = Object.fromEntries(inputFormat.formatToParts(new Date(iso)).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}

/** The same clock time `days` days later, in China time (e.g. next week's session at 15:00). */
export function chinaDaysAhead(days: number, clock: string, now = new Date()): string {
  const date = isoToChinaInput(new Date(now.getTime() + days * 86_400_000)).slice(0, 10);
  return `${date}T${clock}`;
}
