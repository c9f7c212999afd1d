import { mondayOfWeek, sessionStart } from './demo-calendar';

describe('demo calendar (China time)', () => {
  test('the week starts on Monday 00:00 in Ningde, whatever the UTC date', () => {
    // Sunday 2026-11-29 20:00 UTC is already Monday 04:00 in Ningde.
    expect(mondayOfWeek(new Date('2026-11-29T20:00:00Z')).toISOString()).toBe('2026-11-29T16:00:00.000Z');
    // Tuesday 2026-11-24 10:00 UTC: the week began on Monday 2026-11-23 in Ningde.
    expect(mondayOfWeek(new Date('2026-11-24T10:00:00Z')).toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });

  test('sessions land on the given weekday and local time, in past and future weeks', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(sessionStart(now, 0, 4, '15:00').toISOString()).toBe('2026-11-26T07:00:00.000Z');
    expect(sessionStart(now, -12, 2, '09:30').toISOString()).toBe('2026-09-01T01:30:00.000Z');
    expect(sessionStart(now, 3, 2, '15:00').toISOString()).toBe('2026-12-15T07:00:00.000Z');
  });
});
