/**
 * Ningde keeps China Standard Time (UTC+8, no daylight saving), so a fixed offset is exact and
 * the demo schedule does not depend on the server's time zone.
 */
const chinaOffsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;

/** Midnight (China time) of the Monday that starts the week containing `now`, as a UTC instant. */
export function mondayOfWeek(now: Date): Date {
  const chinaTime = new Date(now.getTime() + chinaOffsetMs);
  const isoWeekday = chinaTime.getUTCDay() === 0 ? 7 : chinaTime.getUTCDay();
  const chinaMidnight = Date.UTC(chinaTime.getUTCFullYear(), chinaTime.getUTCMonth(), chinaTime.getUTCDate());
  return new Date(chinaMidnight - (isoWeekday - 1) * dayMs - chinaOffsetMs);
}

/** The instant of `HH:MM` China time on ISO `weekday` of the week `weekOffset` weeks from the week of `now`. */
export function sessionStart(now: Date, weekOffset: number, weekday: number, startTime: string): Date {
  const [hours, minutes] = startTime.split(':').map(Number) as [number, number];
  return new Date(mondayOfWeek(now).getTime() + (weekOffset * 7 + weekday - 1) * dayMs + (hours * 60 + minutes) * 60_000);
}

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * dayMs);
export const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
