/**
 * Retrieval on the public policy questions: ingests ../shared/data/knowledge into a temporary DATA_DIR
 * (PGlite + the embedded Chroma server, as `npm start` runs it) and prints recall@1, recall@5, MRR@10,
 * latency p50/p95 and the ingestion time.
 *
 *   npm run eval:retrieval [-- <shared data folder>] [--no-vectors] [--vector-weight 0.25] [--document-weight 1]
 *     [--per-question file] (one JSON line per question: its ranked sources above the threshold, to diff runs)
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { KnowledgeHit } from '../knowledge/knowledge-base';
import { defaultFusionWeights, defaultRelevanceThreshold, hitFloorShare } from '../knowledge/retrieval/retrieval-settings';
import { textCharacterPairs, createWordAndPairAnalyser, type TermAnalyser } from '../text/term-analysers';
import { createTokenizer } from '../text/tokenizer';
import { percentile, retrievalMetrics } from './retrieval/retrieval-metrics';
import { openScratchKnowledge } from './support/scratch-knowledge';
import { option } from './support/command-line';

interface PolicyQuestion {
  id: string;
  question: string;
  answer: string;
  source: string;
}

let print = (line = '') => void process.stdout.write(`${line}\n`);

function readJsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export async function evaluateRetrieval(argv: string[], options: { quiet?: boolean } = {}) {
  if (options.quiet) print = () => undefined;
  const positional = argv.filter(
    (argument, index) =>
      !argument.startsWith('--') &&
      !argv[index - 1]?.startsWith('--vector') &&
      !argv[index - 1]?.startsWith('--document') &&
      !argv[index - 1]?.startsWith('--analyser') &&
      !argv[index - 1]?.startsWith('--threshold') &&
      !argv[index - 1]?.startsWith('--per-question'),
  );
  const shared = path.resolve(positional[0] ?? path.join(__dirname, '../../shared/data'));
  const weights = {
    ...defaultFusionWeights,
    vector: Number(option(argv, '--vector-weight') ?? defaultFusionWeights.vector),
    document: Number(option(argv, '--document-weight') ?? defaultFusionWeights.document),
  };
  const analyserName = option(argv, '--analyser') ?? 'pairs';
  const analyse: TermAnalyser = analyserName === 'words' ? createWordAndPairAnalyser(createTokenizer()) : textCharacterPairs;
  const threshold = option(argv, '--threshold');
  const scratch = await openScratchKnowledge({
    prefix: 'xiaoning-eval-retrieval-',
    analyse,
    vectors: argv.includes('--no-vectors') ? 'none' : 'embedded',
    weights,
    // Everything is kept here and the threshold applied below, so one run shows the whole trade-off.
    threshold: 0,
  });
  const { knowledge } = scratch;
  try {
    const ingestStart = performance.now();
    const summary = await knowledge.ingester.ingestPaths([path.join(shared, 'knowledge')]);
    const ingestSeconds = (performance.now() - ingestStart) / 1000;
    const questions = readJsonLines<PolicyQuestion>(path.join(shared, 'eval/policy-qa-public.jsonl'));
    const outOfScope = readJsonLines<{ id: string; question: string }>(path.join(__dirname, 'retrieval/out-of-scope-questions.jsonl'));
    const latencies: number[] = [];
    const answered: { gold: string; hits: KnowledgeHit[] }[] = [];
    for (const question of questions) {
      const started = performance.now();
      const { hits } = await knowledge.knowledgeBase.search(question.question, { k: 10 });
      latencies.push(performance.now() - started);
      answered.push({ gold: question.source, hits });
    }
    const unanswerable: KnowledgeHit[][] = [];
    for (const question of outOfScope) unanswerable.push((await knowledge.knowledgeBase.search(question.question, { k: 10 })).hits);
    // As the service lists them (knowledge-base.ts): a question has sources when one passage clears the threshold,
    // and then every document down to the hit floor (a share of the threshold) is listed by score.
    const above = (hits: KnowledgeHit[], limit: number) =>
      hits.some((hit) => hit.coverage >= limit) ? hits.filter((hit) => hit.coverage >= limit * hitFloorShare) : [];
    const strictlyAbove = (hits: KnowledgeHit[], limit: number) => hits.filter((hit) => hit.coverage >= limit);
    const measure = (limit: number, listed = above) => ({
      metrics: retrievalMetrics(answered.map(({ gold, hits }) => ({ gold, ranked: listed(hits, limit).map((hit) => hit.source) }))),
      kept: answered.filter(({ hits }) => listed(hits, limit).length > 0).length / answered.length,
      refused: unanswerable.filter((hits) => listed(hits, limit).length === 0).length / Math.max(unanswerable.length, 1),
    });
    const chosen = Number(threshold ?? defaultRelevanceThreshold);
    const { metrics, kept, refused } = measure(chosen);
    const perQuestionFile = option(argv, '--per-question');
    if (perQuestionFile) {
      const lines = answered.map(({ gold, hits }, index) =>
        JSON.stringify({
          id: questions[index]?.id,
          gold,
          ranked: [...new Set(above(hits, chosen).map((hit) => hit.source))].slice(0, 5),
          unfiltered: [...new Set(hits.map((hit) => hit.source))].slice(0, 5),
        }),
      );
      const refusedLines = unanswerable.map((hits, index) =>
        JSON.stringify({
          id: outOfScope[index]?.id,
          outOfScope: true,
          ranked: [...new Set(above(hits, chosen).map((hit) => hit.source))].slice(0, 3),
        }),
      );
      fs.writeFileSync(perQuestionFile, `${[...lines, ...refusedLines].join('\n')}\n`);
    }
    print(
      `Retrieval evaluation — ${questions.length} public questions, ${outOfScope.length} out-of-scope questions, ${summary.added + summary.updated + summary.unchanged} documents`,
    );
    print(
      `  mode: ${knowledge.vectors === 'unavailable' ? 'BM25 only' : 'hybrid (BM25 + Chroma, offline embedder)'}; analyser ${analyserName}; weights ${JSON.stringify(weights)}`,
    );
    print(
      `  relevance threshold ${chosen}: recall@1 ${metrics.recallAt1.toFixed(3)}   recall@5 ${metrics.recallAt5.toFixed(3)}   MRR@10 ${metrics.mrrAt10.toFixed(3)}`,
    );
    const strict = measure(chosen, strictlyAbove).metrics;
    print(
      `  (every source over the threshold itself, without the service's hit floor: recall@1 ${strict.recallAt1.toFixed(3)}   recall@5 ${strict.recallAt5.toFixed(3)}   MRR@10 ${strict.mrrAt10.toFixed(3)})`,
    );
    print(
      `  public questions with a source: ${(kept * 100).toFixed(1)} %   out-of-scope questions refused: ${(refused * 100).toFixed(1)} %`,
    );
    print(`  latency per query: p50 ${percentile(latencies, 0.5).toFixed(1)} ms   p95 ${percentile(latencies, 0.95).toFixed(1)} ms`);
    print(`  ingestion: ${ingestSeconds.toFixed(1)} s (added ${summary.added}, failed ${summary.failed.length})`);
    print('  threshold calibration (coverage of the question by the passage):');
    print('    threshold  recall@1  recall@5  MRR@10  with-source  out-of-scope-refused');
    for (const limit of [0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
      const row = measure(limit);
      print(
        `    ${limit.toFixed(2).padEnd(9)}  ${row.metrics.recallAt1.toFixed(3).padEnd(8)}  ${row.metrics.recallAt5.toFixed(3).padEnd(8)}  ${row.metrics.mrrAt10.toFixed(3).padEnd(6)}  ${(row.kept * 100).toFixed(1).padStart(6)} %     ${(row.refused * 100).toFixed(1).padStart(6)} %`,
      );
    }
    return { metrics, kept, refused, latencies, ingestSeconds };
  } finally {
    await scratch.close();
  }
}

if (require.main === module) {
  evaluateRetrieval(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
