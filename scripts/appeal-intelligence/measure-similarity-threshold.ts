/**
 * How the similar-appeal threshold was chosen. Over the shared appeals that carry a writer id
 * (appeals/replied.jsonl and appeals/unlabeled.jsonl, exact duplicates dropped):
 * - related pairs: two appeals of one writer that share a topic tag (mostly the same matter written again,
 *   or followed up);
 * - unrelated: for each appeal of such a pair, the best-scoring appeal of another writer with no topic tag
 *   in common.
 * The threshold is the 95th percentile of the unrelated best scores: one appeal in twenty would show an
 * unrelated "similar case" at it. The table shows what each threshold costs in related pairs.
 *
 *   tsx scripts/appeal-intelligence/measure-similarity-threshold.ts [<shared data folder>]
 */
import path from 'node:path';
import { createTokenizer } from '../../text/tokenizer';
import { cleanAppealText } from '../../hotline/intelligence/text/clean-appeal-text';
import { readAppealTopics } from '../../hotline/intelligence/tags/appeal-topics';
import { createTopicTagger } from '../../hotline/intelligence/tags/topic-tagger';
import { createSimilarAppealIndex } from '../../hotline/intelligence/similar/similar-appeal-index';
import { fixed } from './metrics';
import { readJsonLines, sharedDataDirectory } from './shared-data';

interface WrittenAppeal {
  id: string;
  user: string;
  title: string;
  content: string;
}

export interface ThresholdMeasurement {
  appeals: number;
  relatedPairs: number;
  unrelatedQueries: number;
  suggestedThreshold: number;
  rows: Array<{ threshold: number; relatedRecall: number; unrelatedShown: number }>;
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

export function measureSimilarityThreshold(dataDirectory: string): ThresholdMeasurement {
  const tokenizer = createTokenizer();
  const tagger = createTopicTagger({ topics: readAppealTopics(path.join(dataDirectory, 'appeals/taxonomy.jsonl')) });
  const seen = new Set<string>();
  const appeals = ['appeals/replied.jsonl', 'appeals/unlabeled.jsonl']
    .flatMap((file) =>
      readJsonLines<WrittenAppeal>(path.join(dataDirectory, file)).map((appeal) => ({ ...appeal, id: `${file}:${appeal.id}` })),
    )
    .filter((appeal) => {
      const key = cleanAppealText(appeal.content);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const index = createSimilarAppealIndex({ tokenizer });
  index.addAll(appeals);
  const topicsById = new Map(appeals.map((appeal) => [appeal.id, new Set(tagger.tag(appeal).map((tag) => tag.topic))]));
  const shareTopic = (left: string, right: string) => [...topicsById.get(left)!].some((topic) => topicsById.get(right)!.has(topic));

  const idsByUser = new Map<string, string[]>();
  for (const appeal of appeals) idsByUser.set(appeal.user, [...(idsByUser.get(appeal.user) ?? []), appeal.id]);
  const byId = new Map(appeals.map((appeal) => [appeal.id, appeal]));

  const relatedScores: number[] = [];
  const unrelatedBest: number[] = [];
  for (const appeal of appeals) {
    const siblings = idsByUser.get(appeal.user)!.filter((id) => id !== appeal.id);
    const related = siblings.filter((id) => shareTopic(appeal.id, id));
    if (related.length === 0) continue;
    const hits = index.search(appeal, { threshold: 0, limit: 1000, excludeIds: [appeal.id] });
    const scoreOf = new Map(hits.map((hit) => [hit.id, hit.score]));
    // Each pair once: from the appeal with the smaller id.
    for (const id of related) if (appeal.id < id) relatedScores.push(scoreOf.get(id) ?? 0);
    const unrelated = hits.filter(
      (hit) => !siblings.includes(hit.id) && byId.get(hit.id)!.user !== appeal.user && !shareTopic(appeal.id, hit.id),
    );
    unrelatedBest.push(unrelated[0]?.score ?? 0);
  }

  const suggestedThreshold = Math.round(percentile(unrelatedBest, 0.95) * 100) / 100;
  const rows = [0.15, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3, 0.35, 0.4, 0.5].map((threshold) => ({
    threshold,
    relatedRecall: relatedScores.filter((score) => score >= threshold).length / relatedScores.length,
    unrelatedShown: unrelatedBest.filter((score) => score >= threshold).length / unrelatedBest.length,
  }));
  return { appeals: appeals.length, relatedPairs: relatedScores.length, unrelatedQueries: unrelatedBest.length, suggestedThreshold, rows };
}

export function printThresholdMeasurement(measurement: ThresholdMeasurement, print: (line: string) => void): void {
  print(
    `similar appeals: ${measurement.appeals} appeals, ${measurement.relatedPairs} related pairs (one writer, a topic in common), ` +
      `${measurement.unrelatedQueries} queries for the best unrelated appeal`,
  );
  print('  threshold  related pairs found  queries showing an unrelated appeal');
  for (const row of measurement.rows)
    print(`  ${fixed(row.threshold, 2)}       ${fixed(row.relatedRecall)}                ${fixed(row.unrelatedShown)}`);
  print(`  95th percentile of the best unrelated score: ${fixed(measurement.suggestedThreshold, 2)}`);
}

if (require.main === module) {
  printThresholdMeasurement(measureSimilarityThreshold(sharedDataDirectory(process.argv[2])), (line) => process.stdout.write(`${line}\n`));
}
