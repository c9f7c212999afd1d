import { groupedUnits, unitsMatching } from './unit-filter';

const units = [
  { id: 'zjj', name: '宁德市住房和城乡建设局', aliases: ['市住建局', '住建局', '住建'], kind: 'municipal' as const },
  { id: 'wjw', name: '宁德市卫生健康委员会', aliases: ['卫健委'], kind: 'municipal' as const },
  { id: 'xpx', name: '霞浦县人民政府', aliases: ['霞浦县', '霞浦'], kind: 'county' as const },
];

describe('unit selector', () => {
  it('finds a unit by an alias as well as by its name', () => {
    expect(unitsMatching(units, '卫健委').map((unit) => unit.id)).toEqual(['wjw']);
    expect(unitsMatching(units, ' 霞浦 ').map((unit) => unit.id)).toEqual(['xpx']);
    expect(unitsMatching(units, '住房').map((unit) => unit.id)).toEqual(['zjj']);
    expect(unitsMatching(units, '')).toHaveLength(3);
    expect(unitsMatching(units, '火星')).toEqual([]);
  });

  it('groups 市直部门 before 县（市、区）, leaving out an empty group', () => {
    expect(groupedUnits(units).map((group) => [group.label, group.units.length])).toEqual([
      ['市直部门', 2],
      ['县（市、区）', 1],
    ]);
    expect(groupedUnits(units.slice(2)).map((group) => group.label)).toEqual(['县（市、区）']);
  });
});
