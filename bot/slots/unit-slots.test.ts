import { readDemoData } from '../../hotline';
import { createUnitFinder } from './unit-slots';

/** The units the service loads into the database from data/demo (bot/agent.ts lists them per turn). */
const units = readDemoData().units;
const finder = createUnitFinder(units);
const idOf = (text: string) => finder.find(text)?.id;

describe('createUnitFinder over the demo units', () => {
  it('has the units the tests below name', () => {
    expect(units.map((unit) => unit.id)).toEqual(expect.arrayContaining(['zjj', 'gjj', 'xpx', 'rsj', 'cgj', 'gaj', 'fas']));
  });

  it.each([
    ['宁德市住房和城乡建设局什么时候接线', 'zjj'],
    ['住建局下周来吗', 'zjj'],
    ['市住建局', 'zjj'],
    ['那霞浦县呢？', 'xpx'],
    ['霞浦的诉求', 'xpx'],
    ['我想投人社局', 'rsj'],
    ['城管的接线预告', 'cgj'],
    ['交警的答复', 'gaj'],
    ['福安市人民政府', 'fas'],
    ['卫健委收到的诉求', 'wjw'],
    ['环保局', 'sthjj'],
  ])('%s → %s', (text, id) => {
    expect(idOf(text)).toBe(id);
  });

  it('takes the longest name, so a unit is not mistaken for a shorter alias inside its name', () => {
    expect(idOf('宁德市住房公积金中心什么时候接线')).toBe('gjj');
    expect(idOf('住房公积金中心')).toBe('gjj');
    expect(idOf('公积金的诉求')).toBe('gjj');
  });

  it('returns the unit with its full name and aliases', () => {
    expect(finder.find('霞浦县')).toEqual({
      id: 'xpx',
      name: '霞浦县人民政府',
      aliases: ['霞浦县', '霞浦'],
      kind: 'county',
      duties: expect.any(String),
      dutyTopics: expect.any(Array),
    });
  });

  it('finds nothing when no unit is named', () => {
    expect(finder.find('下周谁来接听热线')).toBeUndefined();
    expect(finder.find('住房')).toBeUndefined();
    expect(createUnitFinder([]).find('住建局')).toBeUndefined();
  });

  it('ignores one-character names, which would match almost any text', () => {
    const tiny = createUnitFinder([{ id: 'x', name: '局', aliases: ['市'] }]);
    expect(tiny.find('宁德市教育局')).toBeUndefined();
  });
});
