import type { DemoAppeal, Poll, Session, Unit } from './types';

export interface ReportInput {
  units: Unit[];
  sessions: Session[];
  appeals: DemoAppeal[];
  poll: Poll;
  sourceCount: number;
  dropped: {
    duplicate: number;
    noFit: number;
    ambiguous: number;
    housingAndProvidentFund: number;
    unscheduled: number;
    overCap: number;
  };
  knowledge: { laws: number; policies: number };
}

const samplesPerUnit = 5;

function countBy<T>(items: T[], key: (item: T) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1));
}

function line(pairs: Array<[string, number]>): string {
  return pairs.map(([name, count]) => `${name} ${count}`).join(', ');
}

export function printReport(input: ReportInput): void {
  const { units, sessions, appeals, poll, dropped } = input;
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const droppedTotal = Object.values(dropped).reduce((sum, count) => sum + count, 0);
  const output: string[] = [];
  output.push(`appeals: ${appeals.length} of ${input.sourceCount} replied appeals; dropped ${droppedTotal}`);
  output.push(
    `  dropped: duplicate text ${dropped.duplicate}, fits no unit ${dropped.noFit}, no clear fit ${dropped.ambiguous}, ` +
      `housing bureau + 公积金 ${dropped.housingAndProvidentFund}, bureau too rare to schedule ${dropped.unscheduled}, ` +
      `over the per-session cap ${dropped.overCap}`,
  );
  output.push('per unit:');
  for (const [unitId, count] of countBy(appeals, (appeal) => appeal.unitId)) {
    const unitSessions = sessions.filter((session) => session.unitId === unitId && session.weekOffset < 0).length;
    output.push(`  ${unitId.padEnd(6)} ${String(count).padStart(4)}  ${unitName.get(unitId)} (${unitSessions} past session(s))`);
  }
  output.push(`per category: ${line(countBy(appeals, (appeal) => appeal.category))}`);
  output.push(`per type: ${line(countBy(appeals, (appeal) => appeal.type))}`);
  const withTopic = appeals.filter((appeal) => appeal.topic !== null);
  output.push(`with a topic: ${withTopic.length}; top topics: ${line(countBy(withTopic, (appeal) => appeal.topic ?? '').slice(0, 12))}`);
  output.push(
    `sessions: ${sessions.length} (${sessions.filter((session) => session.weekOffset < 0).length} past); upcoming: ` +
      sessions
        .filter((session) => session.weekOffset >= 0)
        .map((session) => `w${session.weekOffset}/${session.weekday} ${session.unitId}`)
        .join(', '),
  );
  output.push(`poll: ${poll.unitIds.join(', ')}`);
  output.push(`knowledge: ${input.knowledge.laws} laws, ${input.knowledge.policies} policy documents`);
  for (const unitId of ['zjj', 'gjj']) {
    output.push(`samples for ${unitId}:`);
    for (const appeal of appeals.filter((candidate) => candidate.unitId === unitId).slice(0, samplesPerUnit)) {
      output.push(`  ${appeal.id} [${appeal.category}/${appeal.type}/${appeal.topic ?? '-'}] ${appeal.title}`);
    }
  }
  process.stdout.write(`${output.join('\n')}\n`);
}
