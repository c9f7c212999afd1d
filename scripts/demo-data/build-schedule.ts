import { stableHash } from './stable-hash';
import type { Poll, Session, Unit } from './types';

/** Week offsets relative to the ISO week in which the demo is loaded (0 = that week). */
export const firstWeekOffset = -12;
export const lastWeekOffset = 3;
/** Tuesday and Thursday afternoons, ISO weekday numbers. */
const sessionWeekdays = [2, 4];
const sessionStartTime = '15:00';
const sessionDurationMinutes = 120;
/** Counties and districts heard in the past weeks; their sessions take the appeals no bureau fits. */
export const countiesWithPastSessions = 5;
/**
 * The housing bureau is the unit of the product's walkthrough (DESIGN.md §1: its session highlights
 * 物业服务, 房屋质量, 房屋安全), so it is heard twice in the past weeks and opens the coming ones.
 */
const featuredUnitId = 'zjj';
/** A session with a handful of calls shows nothing of what the column does; such bureaus are not scheduled. */
export const minimumAppealsForSession = 5;
/** Coming weeks: a bureau on Tuesday and a county on Thursday. */
const upcomingWeeks = lastWeekOffset + 1;

const weekdayNames: Record<number, string> = { 1: '星期一', 2: '星期二', 3: '星期三', 4: '星期四', 5: '星期五' };

export interface SchedulePlan {
  /** One unit id per past slot, in slot order (week -12 Tuesday first). */
  pastUnitIds: string[];
  upcomingUnitIds: string[];
  /** Counties in the order the round-robin hands them local appeals. */
  localCountyIds: string[];
}

function slotWeek(slotIndex: number, weekOffsetOfFirstSlot: number): number {
  return weekOffsetOfFirstSlot + Math.floor(slotIndex / sessionWeekdays.length);
}

/**
 * Swaps slots until no unit takes calls twice in one week. Deterministic: always the first later slot
 * that resolves the clash without creating another.
 */
function separateSameWeekSessions(unitIds: string[]): string[] {
  const slots = [...unitIds];
  const weekOf = (index: number) => Math.floor(index / sessionWeekdays.length);
  const clashes = (index: number, unitId: string) =>
    slots.some((other, otherIndex) => otherIndex !== index && weekOf(otherIndex) === weekOf(index) && other === unitId);
  for (let index = 0; index < slots.length; index += 1) {
    if (!clashes(index, slots[index])) continue;
    const swapIndex = slots.findIndex(
      (candidate, candidateIndex) =>
        weekOf(candidateIndex) !== weekOf(index) &&
        !clashes(candidateIndex, slots[index]) &&
        !clashes(index, candidate) &&
        candidate !== slots[index],
    );
    if (swapIndex === -1) throw new Error(`cannot schedule ${slots[index]} without two sessions in one week`);
    [slots[index], slots[swapIndex]] = [slots[swapIndex], slots[index]];
  }
  return slots;
}

/**
 * Which unit takes which slot. Every bureau with enough demo appeals is heard once in the past twelve weeks,
 * the featured bureau and then the busiest again while slots remain; the first counties in units.json
 * take the other past slots. The coming weeks go to the featured and busiest bureaus and to counties not
 * heard yet.
 */
export function planSchedule(units: Unit[], appealCountByMunicipalUnit: Map<string, number>): SchedulePlan {
  const pastSlotCount = -firstWeekOffset * sessionWeekdays.length;
  const byCountThenOrder = (left: Unit, right: Unit) =>
    (appealCountByMunicipalUnit.get(right.id) ?? 0) - (appealCountByMunicipalUnit.get(left.id) ?? 0);
  const featuredFirst = (left: Unit, right: Unit) => Number(right.id === featuredUnitId) - Number(left.id === featuredUnitId);
  const heardBureaus = units
    .filter((unit) => unit.kind === 'municipal' && (appealCountByMunicipalUnit.get(unit.id) ?? 0) >= minimumAppealsForSession)
    .sort(byCountThenOrder)
    .sort(featuredFirst);
  const counties = units.filter((unit) => unit.kind === 'county');
  const pastCounties = counties.slice(0, countiesWithPastSessions);
  const extraSlotCount = pastSlotCount - heardBureaus.length - pastCounties.length;
  if (extraSlotCount < 0)
    throw new Error(`${heardBureaus.length} bureaus and ${pastCounties.length} counties exceed ${pastSlotCount} past slots`);
  const extraSessions = heardBureaus.slice(0, extraSlotCount);

  // A stable hash order mixes bureaus and counties over the weeks without favouring units.json's order.
  const hashOrder = (unitIds: string[], salt: string) =>
    [...unitIds].sort((left, right) => stableHash(`${salt}:${left}`) - stableHash(`${salt}:${right}`));
  const pastUnitIds = separateSameWeekSessions([
    ...hashOrder(
      [...heardBureaus, ...pastCounties].map((unit) => unit.id),
      'past-first',
    ),
    ...hashOrder(
      extraSessions.map((unit) => unit.id),
      'past-extra',
    ),
  ]);

  const upcomingBureaus = heardBureaus.slice(0, upcomingWeeks);
  const upcomingCounties = counties.slice(countiesWithPastSessions, countiesWithPastSessions + upcomingWeeks);
  const upcomingUnitIds = upcomingBureaus.flatMap((bureau, index) => [bureau.id, upcomingCounties[index]?.id ?? bureau.id]);
  return { pastUnitIds, upcomingUnitIds, localCountyIds: pastCounties.map((unit) => unit.id) };
}

/** A title only: the column names the office, never a person. */
export function leaderTitleOf(unit: Unit): string {
  const governmentMatch = /^(.+?)(区|县|市)人民政府$/u.exec(unit.name);
  if (governmentMatch !== null) {
    const [, place, level] = governmentMatch;
    return `${place}${level}${level}长`;
  }
  if (unit.name.endsWith('局')) return `${unit.name}局长`;
  return `${unit.name}主任`;
}

function howToJoin(weekday: number): string {
  const hourFrom = Number(sessionStartTime.slice(0, 2)) - 12;
  const hourTo = hourFrom + sessionDurationMinutes / 60;
  return [
    `本期接线在${weekdayNames[weekday]}下午${hourFrom}点到${hourTo}点。`,
    '到时请直接拨打12345热线电话，告诉接线员您想和本期接线领导通话，再说清楚您要反映的事情。',
    '不方便打电话的，可以在本栏目的网上留言板留言，也可以在12345微信公众号里留言，工作人员会转给接线领导。',
  ].join('');
}

export function buildSessions(plan: SchedulePlan, units: Unit[]): Session[] {
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const slotUnitIds = [...plan.pastUnitIds, ...plan.upcomingUnitIds];
  return slotUnitIds.map((unitId, slotIndex) => {
    const unit = unitById.get(unitId);
    if (unit === undefined) throw new Error(`unknown unit ${unitId}`);
    const weekday = sessionWeekdays[slotIndex % sessionWeekdays.length];
    return {
      id: `session-${String(slotIndex + 1).padStart(2, '0')}`,
      unitId,
      weekOffset: slotWeek(slotIndex, firstWeekOffset),
      weekday,
      startTime: sessionStartTime,
      durationMinutes: sessionDurationMinutes,
      leaderTitle: leaderTitleOf(unit),
      scope: unit.duties,
      howToJoin: howToJoin(weekday),
      channels: ['phone', 'online', 'wechat'],
    };
  });
}

const pollBureauCount = 6;
const pollCountyCount = 4;

/**
 * The next-unit poll offers units with no upcoming session: the busiest bureaus not already scheduled,
 * and counties, those never heard first.
 */
export function buildPoll(units: Unit[], sessions: Session[], appealCountByMunicipalUnit: Map<string, number>): Poll {
  const upcoming = new Set(sessions.filter((session) => session.weekOffset >= 0).map((session) => session.unitId));
  const heard = new Set(sessions.filter((session) => session.weekOffset < 0).map((session) => session.unitId));
  const bureaus = units
    .filter((unit) => unit.kind === 'municipal' && !upcoming.has(unit.id))
    .sort((left, right) => (appealCountByMunicipalUnit.get(right.id) ?? 0) - (appealCountByMunicipalUnit.get(left.id) ?? 0))
    .slice(0, pollBureauCount);
  const counties = units
    .filter((unit) => unit.kind === 'county' && !upcoming.has(unit.id))
    .sort((left, right) => Number(heard.has(left.id)) - Number(heard.has(right.id)))
    .slice(0, pollCountyCount);
  return {
    id: 'poll-demo-next-unit',
    title: '下期领导接线单位征集：您最希望哪个单位的负责人来接听热线？',
    opensDaysOffset: -7,
    closesDaysOffset: 14,
    unitIds: [...bureaus, ...counties].map((unit) => unit.id),
  };
}
