/**
 * Builds the demo data set in data/demo/ from the shared source data (first argument, default
 * ../shared/data next to the repository). Deterministic: the same input gives byte-identical output, with
 * no clock and no random numbers; every choice comes from the rules in scripts/demo-data/ and from hashes
 * of stable ids. data/demo/README.md (written by hand) names the sources and explains the rules.
 *
 *   npm run demo:build [-- <source folder>]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createUnitAssigner } from './demo-data/assign-unit';
import { buildPoll, buildSessions, planSchedule } from './demo-data/build-schedule';
import { capPerSession, toDemoAppeal, type FittedAppeal } from './demo-data/place-appeals';
import { readJson, readJsonLines } from './demo-data/read-source';
import { printReport } from './demo-data/print-report';
import { createTopicMatcher } from './demo-data/topic-matcher';
import { defaultCategoryByUnit } from './demo-data/unit-cues';
import { buildUnitVocabularies } from './demo-data/unit-vocabulary';
import { validateDemoData } from './demo-data/validate-demo-data';
import type { AppealTopic, ColumnTaxonomy, RepliedAppeal, Session, Unit } from './demo-data/types';
import { copyFlatFolder, copyVerbatim, writeJson, writeJsonLines } from './demo-data/write-output';

const repositoryRoot = path.resolve(__dirname, '..');
const sourceDirectory = path.resolve(process.argv[2] ?? path.join(repositoryRoot, '../shared/data'));
const outputDirectory = path.join(repositoryRoot, 'data/demo');

function main(): void {
  const units = readJson<Unit[]>(sourceDirectory, 'ningde/units.json');
  const columnTaxonomy = readJson<ColumnTaxonomy>(sourceDirectory, 'ningde/taxonomy.json');
  const topics = readJsonLines<AppealTopic>(sourceDirectory, 'appeals/taxonomy.jsonl');
  const repliedAppeals = readJsonLines<RepliedAppeal>(sourceDirectory, 'appeals/replied.jsonl');

  const topicMatcher = createTopicMatcher(topics);
  const vocabularies = buildUnitVocabularies(units, topics, topicMatcher);
  const assigner = createUnitAssigner({ units, columnTaxonomy, topicMatcher, vocabularies, defaultCategoryByUnit });

  // Output ids are "replied-<id>" ordered as strings; working in that order keeps the county round-robin stable.
  const ordered = [...repliedAppeals].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  const seenTexts = new Set<string>();
  const dropped = { duplicate: 0, noFit: 0, ambiguous: 0, housingAndProvidentFund: 0 };
  const fittedToBureaus: FittedAppeal[] = [];
  const localAppeals: Array<Omit<FittedAppeal, 'unitId'>> = [];
  for (const appeal of ordered) {
    // Some appeals were posted twice word for word; one copy would show up as the other's "similar case".
    const textKey = `${appeal.title}\n${appeal.content}`;
    if (seenTexts.has(textKey)) {
      dropped.duplicate += 1;
      continue;
    }
    seenTexts.add(textKey);
    const fit = assigner.fit(appeal.title, appeal.content, appeal.reply);
    if (fit.kind === 'municipal') fittedToBureaus.push({ appeal, unitId: fit.unitId, topic: fit.topic, category: fit.category });
    else if (fit.kind === 'local') localAppeals.push({ appeal, topic: fit.topic, category: fit.category });
    else if (fit.reason === 'no-fit') dropped.noFit += 1;
    else if (fit.reason === 'ambiguous') dropped.ambiguous += 1;
    else dropped.housingAndProvidentFund += 1;
  }

  const appealCountByBureau = new Map<string, number>();
  for (const entry of fittedToBureaus) appealCountByBureau.set(entry.unitId, (appealCountByBureau.get(entry.unitId) ?? 0) + 1);
  const plan = planSchedule(units, appealCountByBureau);
  const sessions = buildSessions(plan, units);
  const pastSessionsByUnit = new Map<string, Session[]>();
  for (const session of sessions.filter((candidate) => candidate.weekOffset < 0)) {
    pastSessionsByUnit.set(session.unitId, [...(pastSessionsByUnit.get(session.unitId) ?? []), session]);
  }
  const fittedToCounties = localAppeals.map((entry, index) => ({
    ...entry,
    unitId: plan.localCountyIds[index % plan.localCountyIds.length],
  }));
  const scheduled = [...fittedToBureaus, ...fittedToCounties].filter((entry) => pastSessionsByUnit.has(entry.unitId));
  const unscheduled = fittedToBureaus.length + fittedToCounties.length - scheduled.length;
  const { kept, overCap } = capPerSession(scheduled, pastSessionsByUnit);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const appeals = kept
    .map((entry) => toDemoAppeal(entry, pastSessionsByUnit, unitById))
    .sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  const poll = buildPoll(units, sessions, appealCountByBureau);

  validateDemoData({ units, columnTaxonomy, topics, sessions, appeals, poll });

  fs.mkdirSync(outputDirectory, { recursive: true });
  copyVerbatim(path.join(sourceDirectory, 'ningde/units.json'), path.join(outputDirectory, 'units.json'));
  copyVerbatim(path.join(sourceDirectory, 'ningde/taxonomy.json'), path.join(outputDirectory, 'taxonomy.json'));
  copyVerbatim(path.join(sourceDirectory, 'appeals/taxonomy.jsonl'), path.join(outputDirectory, 'appeal-topics.jsonl'));
  writeJson(path.join(outputDirectory, 'sessions.json'), sessions);
  writeJsonLines(path.join(outputDirectory, 'appeals.jsonl'), appeals);
  writeJson(path.join(outputDirectory, 'poll.json'), poll);
  const lawCount = copyFlatFolder(path.join(sourceDirectory, 'knowledge/laws'), path.join(outputDirectory, 'knowledge/laws'));
  const policyCount = copyFlatFolder(path.join(sourceDirectory, 'knowledge/ncp'), path.join(outputDirectory, 'knowledge/ncp'));

  printReport({
    units,
    sessions,
    appeals,
    poll,
    sourceCount: repliedAppeals.length,
    dropped: { ...dropped, unscheduled, overCap },
    knowledge: { laws: lawCount, policies: policyCount },
  });
}

main();
