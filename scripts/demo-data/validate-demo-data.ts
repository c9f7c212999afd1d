import { firstWeekOffset, lastWeekOffset } from './build-schedule';
import type { AppealTopic, ColumnTaxonomy, DemoAppeal, Poll, Session, Unit } from './types';

export interface DemoData {
  units: Unit[];
  columnTaxonomy: ColumnTaxonomy;
  topics: AppealTopic[];
  sessions: Session[];
  appeals: DemoAppeal[];
  poll: Poll;
}

const minimumAppealCount = 600;
const pollSize = { minimum: 8, maximum: 12 };

/** The loader and the product rely on these properties; a rule change that breaks one must fail the build. */
export function validateDemoData(data: DemoData): void {
  const problems: string[] = [];
  const unitById = new Map(data.units.map((unit) => [unit.id, unit]));
  const sessionById = new Map(data.sessions.map((session) => [session.id, session]));
  const level3Names = new Set(data.topics.map((topic) => topic.level3));

  if (sessionById.size !== data.sessions.length) problems.push('session ids are not unique');
  const unitWeeks = new Set<string>();
  for (const session of data.sessions) {
    if (!unitById.has(session.unitId)) problems.push(`${session.id}: unknown unit ${session.unitId}`);
    if (session.weekOffset < firstWeekOffset || session.weekOffset > lastWeekOffset)
      problems.push(`${session.id}: week ${session.weekOffset}`);
    if (session.weekday < 1 || session.weekday > 5) problems.push(`${session.id}: weekday ${session.weekday}`);
    const unitWeek = `${session.unitId}@${session.weekOffset}`;
    if (unitWeeks.has(unitWeek)) problems.push(`${session.unitId} has two sessions in week ${session.weekOffset}`);
    unitWeeks.add(unitWeek);
  }

  if (data.appeals.length < minimumAppealCount) problems.push(`only ${data.appeals.length} appeals`);
  const appealIds = data.appeals.map((appeal) => appeal.id);
  if (new Set(appealIds).size !== appealIds.length) problems.push('appeal ids are not unique');
  if (appealIds.some((id, index) => index > 0 && appealIds[index - 1] >= id)) problems.push('appeals are not ordered by id');
  for (const appeal of data.appeals) {
    const session = sessionById.get(appeal.sessionId);
    if (session === undefined || session.unitId !== appeal.unitId || session.weekOffset >= 0) {
      problems.push(`${appeal.id}: ${appeal.sessionId} is not a past session of ${appeal.unitId}`);
    } else if (appeal.minutesIntoSession < 0 || appeal.minutesIntoSession >= session.durationMinutes) {
      problems.push(`${appeal.id}: minute ${appeal.minutesIntoSession}`);
    }
    if (!data.columnTaxonomy.categories.includes(appeal.category)) problems.push(`${appeal.id}: category ${appeal.category}`);
    if (!data.columnTaxonomy.types.includes(appeal.type)) problems.push(`${appeal.id}: type ${appeal.type}`);
    if (appeal.topic !== null && !level3Names.has(appeal.topic)) problems.push(`${appeal.id}: topic ${appeal.topic}`);
    if (appeal.replyDelayDays < 3 || appeal.replyDelayDays > 30) problems.push(`${appeal.id}: reply delay ${appeal.replyDelayDays}`);
    if (appeal.replyUnit !== unitById.get(appeal.unitId)?.name) problems.push(`${appeal.id}: reply unit ${appeal.replyUnit}`);
    const mentionsProvidentFund = [appeal.title, appeal.content, appeal.reply].some((text) => /公积金/u.test(text));
    if (appeal.unitId === 'zjj' && mentionsProvidentFund) problems.push(`${appeal.id}: a provident-fund appeal for the housing bureau`);
    if (/公积金/u.test(appeal.title) && appeal.unitId !== 'gjj')
      problems.push(`${appeal.id}: a provident-fund appeal not for the fund centre`);
  }

  const upcomingUnitIds = new Set(data.sessions.filter((session) => session.weekOffset >= 0).map((session) => session.unitId));
  const pollUnits = data.poll.unitIds.map((unitId) => unitById.get(unitId));
  if (pollUnits.length < pollSize.minimum || pollUnits.length > pollSize.maximum) problems.push(`poll offers ${pollUnits.length} units`);
  if (new Set(data.poll.unitIds).size !== data.poll.unitIds.length) problems.push('poll offers a unit twice');
  if (pollUnits.some((unit) => unit === undefined)) problems.push('poll offers an unknown unit');
  if (data.poll.unitIds.some((unitId) => upcomingUnitIds.has(unitId))) problems.push('poll offers a unit with an upcoming session');
  const pollKinds = new Set(pollUnits.map((unit) => unit?.kind));
  if (!pollKinds.has('municipal') || !pollKinds.has('county')) problems.push('poll does not mix bureaus and counties');

  if (problems.length > 0) throw new Error(`demo data failed its checks:\n${problems.join('\n')}`);
}
