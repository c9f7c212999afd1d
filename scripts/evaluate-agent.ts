/**
 * Xiaoning as the service runs it (offline model, configuration from the environment, PGlite in a
 * temporary DATA_DIR with the demo data, the knowledge corpus of ../shared/data ingested), measured on:
 *   - intent accuracy: 5-fold cross-validation on the training utterances (bot/intents/utterances*.txt);
 *   - routing on the held-out utterances (bot/intents/held-out-utterances.txt, never trained on), overall
 *     and per intent, with the units of data/demo/units.json (and on --utterances <file>);
 *   - named back: of the held-out questions about a unit or a category that a data tool answers, the share
 *     whose answer names that unit (its name or an alias) or category;
 *   - emergencies handled: every held-out emergency utterance and every urgent message of
 *     hotline/intelligence/fixtures/emergency-messages.jsonl answered with 119, 110 and 120 first;
 *   - answer containment: every public policy question asked through `xiaoning.ask` in a new conversation;
 *     the answer (at most 300 characters) must contain the gold answer, spaces and punctuation ignored;
 *   - refusal rate on the out-of-domain questions (answered with no sources);
 *   - latency p50/p95 of the policy answers.
 *
 *   npm run eval:agent [-- <shared data folder>] [--questions file.jsonl] [--out-of-domain file.jsonl]
 *     [--utterances file.txt] [--limit N] [--misses file]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { heldOutUtterancesFile, readUtterances, type Utterance } from '../bot/intents/utterances';
import { findCategoryOutside } from '../bot/slots/category-slots';
import { createUnitFinder, type NamedUnit } from '../bot/slots/unit-slots';
import { createLogger } from '../server/logger';
import { loadConfig } from '../server/config';
import { buildAppDependencies, openKnowledgeFor, openServices, seedIfEmpty } from '../server/services';
import { crossValidatedIntentAccuracy, intentAccuracyOn, type IntentScore } from './agent/intent-accuracy';
import { repositoryRoot } from './appeal-intelligence/shared-data';
import { containsGold } from './answers/answer-metrics';
import { readJsonLines, sharedDataDirectory } from './appeal-intelligence/shared-data';
import { percentile } from './retrieval/retrieval-metrics';
import { option } from './support/command-line';

const print = (line: string) => void process.stdout.write(`${line}\n`);
const ratio = (part: number, whole: number) => (whole === 0 ? 'n/a' : (part / whole).toFixed(3));

function printIntents(label: string, result: IntentScore) {
  print(`  intent accuracy (${label}): ${ratio(result.correct, result.total)}   (${result.correct}/${result.total})`);
  if (result.perIntent.size > 0 && label.includes('held-out'))
    for (const [intent, { correct, total }] of [...result.perIntent].sort())
      print(`    ${intent.padEnd(22)} ${ratio(correct, total)}   (${correct}/${total})`);
  const confusions = [...result.confusions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
  if (confusions.length > 0) print(`    most confused: ${confusions.map(([pair, count]) => `${pair} ×${count}`).join(', ')}`);
}

const dataIntents = new Set(['get_hotline_previews', 'search_past_appeals', 'get_appeal_statistics', 'cast_vote']);

/** Named back and emergencies handled, asked through the agent as a citizen would (a new conversation each). */
async function measureUnderstanding(
  xiaoning: { ask: (input: { channel: string; userId: string; message: string }) => Promise<{ answer: string }> },
  heldOut: readonly Utterance[],
  units: ReturnType<typeof createUnitFinder>,
) {
  let concerned = 0;
  let namedBack = 0;
  const notNamed: string[] = [];
  for (const [index, { intent, text }] of heldOut.entries()) {
    if (!dataIntents.has(intent)) continue;
    const unit = units.find(text);
    const category = findCategoryOutside(text, unit);
    if (!unit && !category) continue;
    concerned += 1;
    const { answer } = await xiaoning.ask({ channel: 'eval', userId: `eval-named-${index}`, message: text });
    const names = [...(unit ? [unit.name, ...unit.aliases] : []), ...(category ? [category] : [])];
    if (names.some((name) => answer.includes(name))) namedBack += 1;
    else notNamed.push(`${text} → ${answer.slice(0, 40).replace(/\n/g, ' ')}`);
  }
  print(
    `  named back (held-out questions about a unit or a category answered by a data tool): ${ratio(namedBack, concerned)}   (${namedBack}/${concerned})`,
  );
  for (const line of notNamed.slice(0, 5)) print(`    not named: ${line}`);

  const urgent = [
    ...heldOut.filter((utterance) => utterance.intent === 'emergency').map((utterance) => utterance.text),
    ...readJsonLines<{ text: string; urgent: boolean }>(path.join(repositoryRoot, 'hotline/intelligence/fixtures/emergency-messages.jsonl'))
      .filter((message) => message.urgent)
      .map((message) => message.text),
  ];
  let handled = 0;
  const missed: string[] = [];
  for (const [index, text] of urgent.entries()) {
    const { answer } = await xiaoning.ask({ channel: 'eval', userId: `eval-emergency-${index}`, message: text });
    if (answer.startsWith('紧急情况请立即拨打') && ['119', '110', '120'].every((number) => answer.includes(number))) handled += 1;
    else missed.push(text);
  }
  print(
    `  emergencies answered first with 119/110/120 (held-out emergency utterances + urgent written messages): ${ratio(handled, urgent.length)}   (${handled}/${urgent.length})`,
  );
  if (missed.length > 0) print(`    missed: ${missed.slice(0, 5).join(' | ')}`);
}

async function main(argv: string[]) {
  const positional = argv.filter((argument, index) => !argument.startsWith('--') && !argv[index - 1]?.startsWith('--'));
  const shared = sharedDataDirectory(positional[0]);
  const questionsFile = option(argv, '--questions') ?? path.join(shared, 'eval/policy-qa-public.jsonl');
  const outOfDomainFile = option(argv, '--out-of-domain') ?? path.join(__dirname, 'retrieval/out-of-scope-questions.jsonl');
  const limit = Number(option(argv, '--limit') ?? Infinity);

  print('Xiaoning agent evaluation (offline model)');
  const utterances = readUtterances();
  printIntents(`5-fold cross-validation on ${utterances.length} utterances`, crossValidatedIntentAccuracy(utterances));
  const demoUnits = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'data/demo/units.json'), 'utf8')) as NamedUnit[];
  const unitFinder = createUnitFinder(demoUnits);
  const heldOut = readUtterances(heldOutUtterancesFile);
  printIntents(`held-out routing on ${heldOut.length} utterances written separately`, intentAccuracyOn(utterances, heldOut, unitFinder));
  const extraUtterances = option(argv, '--utterances');
  if (extraUtterances)
    printIntents(path.basename(extraUtterances), intentAccuracyOn(utterances, readUtterances(extraUtterances), unitFinder));

  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-eval-agent-'));
  // The targets are for the offline model: a configured remote model is left out of this measurement.
  const { OPENAI_BASE_URL: _remoteModel, ...environment } = process.env;
  const config = loadConfig({ ...environment, DATA_DIR: dataDirectory, LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const services = await openServices(config);
  const knowledge = await openKnowledgeFor(services, logger);
  try {
    await seedIfEmpty(services, logger);
    const ingestStarted = performance.now();
    await knowledge.ingester.ingestPaths([path.join(shared, 'knowledge')]);
    print(
      `  knowledge: ${path.join(shared, 'knowledge')} ingested in ${((performance.now() - ingestStarted) / 1000).toFixed(1)} s (vector store: ${config.chromaUrl ? 'remote' : config.vectorStore})`,
    );
    const { xiaoning } = await buildAppDependencies(services, logger, knowledge);

    const questions = readJsonLines<{ id: string; question: string; answer: string }>(questionsFile).slice(0, limit);
    const latencies: number[] = [];
    const tally = { contained: 0, overLength: 0, refused: 0, policyTool: 0 };
    const misses: string[] = [];
    for (const [index, question] of questions.entries()) {
      const started = performance.now();
      const result = await xiaoning.ask({ channel: 'eval', userId: `eval-${index}`, message: question.question });
      latencies.push(performance.now() - started);
      if ([...result.answer].length > 300) tally.overLength += 1;
      if (result.refused) tally.refused += 1;
      if (result.toolCalls.includes('search_policies')) tally.policyTool += 1;
      if ([...result.answer].length <= 300 && containsGold(result.answer, question.answer)) tally.contained += 1;
      else misses.push(JSON.stringify({ id: question.id, question: question.question, gold: question.answer, answer: result.answer }));
    }
    print(
      `  answer containment (${path.basename(questionsFile)}, ${questions.length} questions, answers ≤ 300 characters): ${ratio(tally.contained, questions.length)}`,
    );
    print(
      `    routed to search_policies ${ratio(tally.policyTool, questions.length)}, refused ${tally.refused}, over 300 characters ${tally.overLength}`,
    );
    print(
      `  policy answer latency: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
    );
    const missesFile = option(argv, '--misses');
    if (missesFile) fs.writeFileSync(missesFile, `${misses.join('\n')}\n`);

    const outOfDomain = readJsonLines<{ id: string; question: string }>(outOfDomainFile);
    let withoutSources = 0;
    const answeredWithSources: string[] = [];
    for (const [index, question] of outOfDomain.entries()) {
      const result = await xiaoning.ask({ channel: 'eval', userId: `eval-ood-${index}`, message: question.question });
      if (result.sources.length === 0) withoutSources += 1;
      else answeredWithSources.push(question.question);
    }
    print(
      `  out-of-domain answered without sources (${path.basename(outOfDomainFile)}, ${outOfDomain.length} questions): ${ratio(withoutSources, outOfDomain.length)}`,
    );
    if (answeredWithSources.length > 0) print(`    answered with sources: ${answeredWithSources.slice(0, 5).join(' | ')}`);
    await measureUnderstanding(xiaoning, heldOut, unitFinder);
    print(
      '  targets: intent ≥ 0.95, held-out routing ≥ 0.95 (≥ 0.90 per intent), named back ≥ 0.95, every emergency with the numbers, containment ≥ 0.70, out-of-domain without sources ≥ 0.95, policy p95 ≤ 150 ms',
    );
  } finally {
    await knowledge.close();
    await services.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
