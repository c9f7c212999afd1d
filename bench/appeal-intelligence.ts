/**
 * Speed of appeal intelligence on the demo data, with the committed model, as the service runs it.
 * Prints milliseconds per appeal (median of 5 runs) for the analysis, the similar-appeal search and the
 * hot topics of the housing bureau.
 *
 *   npm run bench:appeals
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTokenizer } from '../text/tokenizer';
import { loadAppealIntelligence } from '../hotline/intelligence/appeal-intelligence';

interface DemoAppeal {
  id: string;
  unitId: string;
  title: string;
  content: string;
  minutesIntoSession: number;
}

const runs = 5;
const demoDirectory = path.resolve(__dirname, '../data/demo');
const print = (line: string) => process.stdout.write(`${line}\n`);

function medianMilliseconds(work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((left, right) => left - right)[Math.floor(runs / 2)];
}

function main(): void {
  let started = process.hrtime.bigint();
  const tokenizer = createTokenizer();
  const intelligence = loadAppealIntelligence({ tokenizer });
  print(
    `start-up (tokenizer + model + topics): ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms; model ${intelligence.model}`,
  );

  const appeals = fs
    .readFileSync(path.join(demoDirectory, 'appeals.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DemoAppeal);
  intelligence.analyse(appeals[0]);
  const analyse = medianMilliseconds(() => appeals.forEach((appeal) => intelligence.analyse(appeal))) / appeals.length;
  print(
    `analyse (category, type, tags, keywords, summary): ${analyse.toFixed(3)} ms per appeal (median of ${runs} runs over ${appeals.length} demo appeals)`,
  );

  started = process.hrtime.bigint();
  const index = intelligence.createSimilarIndex();
  index.addAll(appeals);
  print(`similar-appeal index of ${index.size} appeals built in ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`);
  const queries = appeals.slice(0, 200);
  const search = medianMilliseconds(() => queries.forEach((appeal) => index.search(appeal, { excludeIds: [appeal.id] }))) / queries.length;
  print(`similar-appeal search: ${search.toFixed(3)} ms per query (median of ${runs} runs over ${queries.length} queries)`);

  const units = JSON.parse(fs.readFileSync(path.join(demoDirectory, 'units.json'), 'utf8')) as Array<{
    id: string;
    name: string;
    duties: string;
    dutyTopics: string[];
  }>;
  const housing = units.find((unit) => unit.id === 'zjj')!;
  const period = appeals.map((appeal, position) => ({ ...appeal, receivedAt: new Date(Date.UTC(2024, 0, 1) + position * 3_600_000) }));
  const hot = medianMilliseconds(() => intelligence.hotTopics(period, housing));
  print(`hot topics of ${housing.name} over ${period.length} appeals: ${hot.toFixed(1)} ms (median of ${runs} runs)`);
}

main();
