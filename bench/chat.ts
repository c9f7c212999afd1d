/**
 * Xiaoning's offline policy answers, timed as `npm start` runs them: PGlite with the demo data, the whole demo
 * knowledge corpus (laws and policies) in the embedded Chroma server, the offline chat model, and the
 * services built by server/services.ts. Times `xiaoning.ask` on questions of the public policy QA set:
 * sequentially, then 10 and 50 at a time (each question its own conversation and user, so the
 * per-conversation rate limit never applies). Prints p50/p95/max and throughput per run and mode, and the
 * medians of the runs. `--profile` also splits the sequential time into retrieval, conversation storage and
 * the rest (agent, routing, composition).
 *
 *   npm run bench:chat [-- --runs 3] [--questions 200] [--data-dir DIR] [--qa FILE] [--profile]
 *
 * Without --data-dir the corpus is ingested into a fresh temporary folder (about a minute) that is removed
 * at the end; with it, an already indexed folder is reused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoKnowledgeDirectory } from '../hotline/demo/demo-data-files';
import { percentile } from '../scripts/retrieval/retrieval-metrics';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { buildAppDependencies, openKnowledgeFor, openServices, seedIfEmpty, seedKnowledgeIfNeeded } from '../server/services';
import { option } from '../scripts/support/command-line';

const print = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => percentile(values, 0.5);
const milliseconds = (value: number) => `${value.toFixed(1)} ms`;

const countFiles = (directory: string): number =>
  fs
    .readdirSync(directory, { withFileTypes: true })
    .reduce((total, entry) => total + (entry.isDirectory() ? countFiles(path.join(directory, entry.name)) : 1), 0);

/** Adds the time spent in `object[method]` to `totals[name]` (bench-only instrumentation). */
function timeMethod<T extends object>(object: T, method: keyof T & string, totals: Map<string, number>, name: string) {
  const original = object[method] as unknown as (...args: unknown[]) => Promise<unknown>;
  (object as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    const started = performance.now();
    try {
      return await original.apply(object, args);
    } finally {
      addTime(totals, name, performance.now() - started);
    }
  };
}

const addTime = (totals: Map<string, number>, name: string, elapsed: number) => totals.set(name, (totals.get(name) ?? 0) + elapsed);

interface ModeResult {
  p50: number;
  p95: number;
  max: number;
  perSecond: number;
}

async function main() {
  const argv = process.argv.slice(2);
  const runs = Number(option(argv, '--runs') ?? 3);
  const questionCount = Number(option(argv, '--questions') ?? 200);
  const profile = argv.includes('--profile');
  const qaFile = path.resolve(option(argv, '--qa') ?? path.join(__dirname, '../../shared/data/eval/policy-qa-public.jsonl'));
  const givenDirectory = option(argv, '--data-dir');
  const dataDirectory = givenDirectory ? path.resolve(givenDirectory) : fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-bench-chat-'));

  // Only the settings that matter here: no OPENAI_* from the environment, so the offline model answers.
  const config = loadConfig({ DATA_DIR: dataDirectory, VECTOR_STORE: 'embedded', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'true' });
  const logger = createLogger('silent');
  const services = await openServices(config);
  let knowledge: Awaited<ReturnType<typeof openKnowledgeFor>> | undefined;
  let closeRealtime: () => Promise<void> = async () => undefined;
  try {
    await seedIfEmpty(services, logger);
    knowledge = await openKnowledgeFor(services, logger);
    const ingestStarted = performance.now();
    const summary = await seedKnowledgeIfNeeded(services, knowledge, logger, { ignoreSetting: true });
    if (summary) print(`ingested the demo corpus in ${((performance.now() - ingestStarted) / 1000).toFixed(1)} s`);
    if (summary && summary.failed.length > 0) throw new Error(`${summary.failed.length} documents of the demo corpus failed to ingest`);

    const expected = countFiles(demoKnowledgeDirectory());
    const { documents, chunks } = knowledge.knowledgeBase.size;
    const pending = knowledge.knowledgeBase.listDocuments().filter((document) => document.status !== 'indexed').length;
    if (documents < expected || pending > 0 || !knowledge.vectorUrl()) {
      throw new Error(
        `corpus not fully indexed: ${documents}/${expected} documents, ${pending} pending, Chroma ${knowledge.vectorUrl() ?? 'not running'}`,
      );
    }
    print(`corpus: ${documents} documents, ${chunks} chunks, vectors in the embedded Chroma (${knowledge.vectorUrl()})`);

    const totals = new Map<string, number>();
    const modes = new Map<string, number>();
    if (profile) {
      const search = knowledge.knowledgeBase.search.bind(knowledge.knowledgeBase);
      knowledge.knowledgeBase.search = async (...args) => {
        const started = performance.now();
        const result = await search(...args);
        addTime(totals, 'retrieval (knowledge search)', performance.now() - started);
        modes.set(result.mode, (modes.get(result.mode) ?? 0) + 1);
        return result;
      };
      for (const method of ['create', 'findOwned', 'lastMessages', 'append'] as const) {
        timeMethod(services.repositories.conversations, method, totals, 'conversations (create, history, store messages)');
      }
      timeMethod(services.repositories.units, 'list', totals, 'units (list per turn)');
    }

    const dependencies = await buildAppDependencies(services, logger, knowledge);
    closeRealtime = () => dependencies.realtime.close();
    const { xiaoning } = dependencies;

    const questions = fs
      .readFileSync(qaFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { id: string; question: string }).question)
      .slice(0, questionCount);

    let asked = 0;
    const ask = async (question: string) => {
      asked += 1;
      const started = performance.now();
      const result = await xiaoning.ask({ channel: 'bench', userId: `bench-user-${asked}`, message: question });
      return { elapsed: performance.now() - started, result };
    };

    // Warm-up: tokenizer, intent router, JIT.
    for (const question of questions.slice(0, 10)) await ask(question);
    totals.clear();
    modes.clear();

    const routed = { policies: 0, refused: 0 };
    const sequentialTotals = new Map<string, number>();
    const runMode = async (concurrency: number): Promise<ModeResult> => {
      const times: number[] = [];
      let next = 0;
      totals.clear();
      const started = performance.now();
      const worker = async () => {
        while (next < questions.length) {
          const question = questions[next]!;
          next += 1;
          const { elapsed, result } = await ask(question);
          times.push(elapsed);
          if (concurrency === 1) {
            if (result.toolCalls.includes('search_policies')) routed.policies += 1;
            if (result.refused) routed.refused += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const seconds = (performance.now() - started) / 1000;
      if (concurrency === 1) {
        addTime(
          sequentialTotals,
          'total (xiaoning.ask)',
          times.reduce((sum, time) => sum + time, 0),
        );
        for (const [name, total] of totals) addTime(sequentialTotals, name, total);
      }
      return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: Math.max(...times), perSecond: times.length / seconds };
    };

    const results = new Map<string, ModeResult[]>();
    for (let run = 1; run <= runs; run += 1) {
      for (const [name, concurrency] of [
        ['sequential', 1],
        ['10 concurrent', 10],
        ['50 concurrent', 50],
      ] as const) {
        const result = await runMode(concurrency);
        results.set(name, [...(results.get(name) ?? []), result]);
        print(
          `run ${run}, ${name}: ${questions.length} questions, p50 ${milliseconds(result.p50)}, p95 ${milliseconds(result.p95)}, max ${milliseconds(result.max)}, ${result.perSecond.toFixed(1)} answers/s`,
        );
      }
    }
    const sequentialAsked = questions.length * runs;
    print(
      `routing: ${routed.policies}/${sequentialAsked} sequential questions called search_policies, ${routed.refused} refused (no source over the threshold)`,
    );
    print(`median of ${runs} runs (${questions.length} public policy questions, offline model, whole corpus indexed):`);
    for (const [name, list] of results) {
      print(
        `  ${name.padEnd(14)} p50 ${milliseconds(median(list.map((each) => each.p50)))}, p95 ${milliseconds(median(list.map((each) => each.p95)))}, max ${milliseconds(median(list.map((each) => each.max)))}, ${median(list.map((each) => each.perSecond)).toFixed(1)} answers/s${name === 'sequential' ? ' (target p95 ≤ 150 ms)' : ''}`,
      );
    }
    if (profile) {
      // The measured parts of the sequential runs; the rest is the agent (LangGraph), routing and composition.
      print(`profile of the sequential runs (mean per question over ${sequentialAsked} asks):`);
      let measured = 0;
      for (const [name, total] of sequentialTotals) {
        if (name !== 'total (xiaoning.ask)') measured += total;
        print(`  ${name.padEnd(48)} ${milliseconds(total / sequentialAsked)}`);
      }
      const rest = (sequentialTotals.get('total (xiaoning.ask)') ?? 0) - measured;
      print(`  ${'agent, routing, composition (the rest)'.padEnd(48)} ${milliseconds(rest / sequentialAsked)}`);
      print(`  search modes: ${[...modes].map(([mode, count]) => `${mode} ${count}`).join(', ')}`);
    }
  } finally {
    await closeRealtime();
    await knowledge?.close();
    await services.close();
    if (!givenDirectory) fs.rmSync(dataDirectory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
