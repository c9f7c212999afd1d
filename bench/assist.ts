/**
 * Speed of the officials' call assistant (POST /api/assist/analyze) as the service runs it offline:
 * PGlite with the demo data, the demo knowledge corpus in the embedded Chroma server, the offline models.
 * Analyses 200 appeal texts of the demo data per run; prints p50/p95 per run and the medians of 3 runs.
 *
 *   npm run bench:assist [-- --runs 3]
 */
import { performance } from 'node:perf_hooks';
import { createCallAssistant } from '../hotline/assist/call-assistant';
import { demoKnowledgeDirectory, readDemoData } from '../hotline/demo/demo-data-files';
import { loadDemoData } from '../hotline/demo/load-demo-data';
import { loadAppealIntelligence } from '../hotline/intelligence/appeal-intelligence';
import { createTokenizer } from '../text/tokenizer';
import { percentile } from '../scripts/retrieval/retrieval-metrics';
import { openScratchKnowledge } from '../scripts/support/scratch-knowledge';

const print = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 3;
  const scratch = await openScratchKnowledge({ prefix: 'xiaoning-bench-assist-', vectors: 'embedded' });
  const { database, repositories, knowledge } = scratch;
  try {
    const demo = readDemoData();
    await loadDemoData(database, demo);
    await knowledge.ingester.ingestPaths([demoKnowledgeDirectory()]);
    const assistant = createCallAssistant({
      repositories,
      intelligence: loadAppealIntelligence({ tokenizer: createTokenizer() }),
      findPolicies: async (query) => (await knowledge.knowledgeBase.search(query, { k: 3 })).hits,
    });
    await assistant.warmUp();
    const texts = demo.appeals.filter((_, index) => index % Math.floor(demo.appeals.length / 200) === 0).slice(0, 200);
    const p50: number[] = [];
    const p95: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const times: number[] = [];
      for (const appeal of texts) {
        const started = performance.now();
        await assistant.analyze({ text: appeal.content.slice(0, 3000), unitId: appeal.unitId ?? undefined });
        times.push(performance.now() - started);
      }
      p50.push(percentile(times, 0.5));
      p95.push(percentile(times, 0.95));
      print(`run ${run}: ${times.length} analyses, p50 ${p50.at(-1)!.toFixed(1)} ms, p95 ${p95.at(-1)!.toFixed(1)} ms`);
    }
    print(
      `median of ${runs} runs: p50 ${percentile(p50, 0.5).toFixed(1)} ms, p95 ${percentile(p95, 0.5).toFixed(1)} ms (target p95 ≤ 300 ms)`,
    );
  } finally {
    await scratch.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
