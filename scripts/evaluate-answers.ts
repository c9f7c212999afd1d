/**
 * The offline policy answer on the public questions: ingests ../shared/data/knowledge into a temporary
 * DATA_DIR (PGlite, BM25 only as the offline default), retrieves each question's hits as the agent does,
 * builds the passages (best chunk and the chunk after it) and composes the answer, then prints answer
 * containment (the gold answer inside the answer, spaces and punctuation ignored), how many answers reach
 * the length limit and the compose step's latency.
 *
 *   node --import tsx scripts/evaluate-answers.ts [<shared data folder>] [--hits 5] [--following 1]
 *     [--write-cache file | --read-cache file] [--misses file]
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { composePolicyAnswer } from '../bot/answers/compose-policy-answer';
import { containsGold, isHeldOut } from './answers/answer-metrics';
import { cachedPassages, retrieveForAnswers, type RetrievedQuestion } from './answers/retrieve-for-answers';
import { percentile } from './retrieval/retrieval-metrics';
import { option } from './support/command-line';

const maxCharacters = 300;

export async function evaluateAnswers(argv: string[]) {
  const positional = argv.filter((argument, index) => !argument.startsWith('--') && !argv[index - 1]?.startsWith('--'));
  const shared = path.resolve(positional[0] ?? path.join(__dirname, '../../shared/data'));
  const hitCount = Number(option(argv, '--hits') ?? 5);
  const following = Number(option(argv, '--following') ?? 1);
  const readCache = option(argv, '--read-cache');
  const ingestStart = performance.now();
  const questions: RetrievedQuestion[] = readCache
    ? (JSON.parse(fs.readFileSync(readCache, 'utf8')) as RetrievedQuestion[])
    : await retrieveForAnswers(shared, hitCount);
  const retrievalSeconds = (performance.now() - ingestStart) / 1000;
  const writeCache = option(argv, '--write-cache');
  if (writeCache) fs.writeFileSync(writeCache, JSON.stringify(questions));

  const composeLatencies: number[] = [];
  const passageLatencies: number[] = [];
  const lengths: number[] = [];
  const misses: string[] = [];
  const tally = { contained: 0, even: 0, evenTotal: 0, odd: 0, oddTotal: 0, empty: 0, cited: 0 };
  for (const question of questions) {
    const passagesStart = performance.now();
    const passages = cachedPassages(question, hitCount, following);
    passageLatencies.push(performance.now() - passagesStart);
    const started = performance.now();
    const { answer, cited } = composePolicyAnswer(question.question, passages, { maxCharacters });
    composeLatencies.push(performance.now() - started);
    lengths.push([...answer].length);
    if (answer === '') tally.empty += 1;
    tally.cited += cited.length;
    const contained = containsGold(answer, question.answer);
    if (contained) tally.contained += 1;
    else misses.push(JSON.stringify({ id: question.id, question: question.question, gold: question.answer, answer }));
    if (isHeldOut(question.id)) {
      tally.oddTotal += 1;
      if (contained) tally.odd += 1;
    } else {
      tally.evenTotal += 1;
      if (contained) tally.even += 1;
    }
  }
  const missesFile = option(argv, '--misses');
  if (missesFile) fs.writeFileSync(missesFile, `${misses.join('\n')}\n`);

  const count = Math.max(questions.length, 1);
  const print = (line: string) => void process.stdout.write(`${line}\n`);
  print(`Answer evaluation — ${questions.length} public questions, top ${hitCount} hits, ${following} following chunk(s) per hit`);
  print(
    `  answer containment: ${(tally.contained / count).toFixed(3)}   (even ids ${(tally.even / Math.max(tally.evenTotal, 1)).toFixed(3)}, odd ids ${(tally.odd / Math.max(tally.oddTotal, 1)).toFixed(3)})`,
  );
  print(
    `  answers at the limit (≥ ${maxCharacters - 10} of ${maxCharacters} characters): ${lengths.filter((length) => length >= maxCharacters - 10).length}   longest ${Math.max(...lengths)}   median length ${percentile(lengths, 0.5)}   empty ${tally.empty}   sources cited per answer ${(tally.cited / count).toFixed(2)}`,
  );
  print(
    `  compose latency: p50 ${percentile(composeLatencies, 0.5).toFixed(2)} ms   p95 ${percentile(composeLatencies, 0.95).toFixed(2)} ms   (passage building p95 ${percentile(passageLatencies, 0.95).toFixed(2)} ms)`,
  );
  print(`  ${readCache ? 'retrieval read from cache' : 'ingestion and retrieval'}: ${retrievalSeconds.toFixed(1)} s`);
  return { containment: tally.contained / count, lengths, composeLatencies };
}

if (require.main === module) {
  evaluateAnswers(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
