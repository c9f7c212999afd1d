import { appealsAddress, readAppealsView } from './appeals-address';

const today = '2026-11-29';

describe('往期回顾 addresses', () => {
  it('reads a shared address and writes it back the same', () => {
    const view = readAppealsView({ unit: 'xpx', date: '2026-11-10', page: '2' }, today);
    expect(view).toEqual({ unit: 'xpx', date: '2026-11-10', page: 2, month: '2026-11' });
    expect(appealsAddress(view, today)).toBe('/appeals?unit=xpx&date=2026-11-10&page=2');
  });

  it('ignores what is not a unit id, a date, a page or a month, and leaves defaults out', () => {
    expect(readAppealsView({ unit: '<b>', date: 'tomorrow', page: '-3', month: '2026-13' }, today)).toEqual({
      unit: '',
      date: '',
      page: 1,
      month: '2026-11',
    });
    expect(appealsAddress({ unit: '', date: '', page: 1, month: '2026-11' }, today)).toBe('/appeals');
    expect(appealsAddress({ unit: '', date: '', page: 1, month: '2026-09' }, today)).toBe('/appeals?month=2026-09');
  });
});
