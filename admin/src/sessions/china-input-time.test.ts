import { chinaDaysAhead, chinaInputToIso, isoToChinaInput } from './china-input-time';

describe('China-time form fields', () => {
  it('reads a datetime-local value as Beijing time and shows stored instants in Beijing time', () => {
    expect(chinaInputToIso('2026-12-01T15:00')).toBe('2026-12-01T15:00:00+08:00');
    expect(chinaInputToIso('')).toBeUndefined();
    expect(isoToChinaInput('2026-12-01T07:00:00.000Z')).toBe('2026-12-01T15:00');
    expect(isoToChinaInput('2026-11-30T20:30:00.000Z')).toBe('2026-12-01T04:30');
  });

  it('gives the same clock time some days ahead, counted in China days', () => {
    expect(chinaDaysAhead(7, '15:00', new Date('2026-11-29T18:00:00Z'))).toBe('2026-12-07T15:00');
  });
});
