/**
 * Knowledge-base speed, as the service runs it (PGlite + the embedded Chroma server + offline embedder):
 * ingesting the whole shared corpus (621 documents) into a fresh DATA_DIR, and searching it with the
 * 600 public questions. Prints each run and the medians of 3 runs (these machines are noisy).
 *
 *   npm run bench:knowledge [-- <shared data folder>] [--runs 3]
 */
import { evaluateRetrieval } from '../scripts/evaluate-retrieval';
import { percentile } from '../scripts/retrieval/retrieval-metrics';

const print = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => percentile(values, 0.5);

async function main() {
  const argv = process.argv.slice(2);
  const runsIndex = argv.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(argv[runsIndex + 1]) : 3;
  const passOn = argv.filter((_, index) => index !== runsIndex && index !== runsIndex + 1);
  const ingest: number[] = [];
  const p50: number[] = [];
  const p95: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const result = await evaluateRetrieval(passOn, { quiet: true });
    ingest.push(result.ingestSeconds);
    p50.push(percentile(result.latencies, 0.5));
    p95.push(percentile(result.latencies, 0.95));
    print(
      `run ${run}: ingest ${result.ingestSeconds.toFixed(1)} s, search p50 ${p50.at(-1)!.toFixed(1)} ms, p95 ${p95.at(-1)!.toFixed(1)} ms`,
    );
  }
  print(
    `median of ${runs} runs: ingest 621 documents ${median(ingest).toFixed(1)} s (target ≤ 60 s); search p50 ${median(p50).toFixed(1)} ms, p95 ${median(p95).toFixed(1)} ms (target p95 ≤ 50 ms)`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
