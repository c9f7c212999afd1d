/**
 * The console's analysis round trip (来电分析): what the official's page waits for once typing pauses, i.e. an
 * authenticated POST /api/assist/analyze with the CSRF token over real HTTP, answered by the real app (PGlite with
 * the demo data, the demo knowledge corpus, BM25 retrieval, the offline models). Texts are call-length: the first
 * sentence or two of 200 demo appeals. Prints p50/p95 per run and the medians of the runs (target p95 ≤ 400 ms);
 * the page adds its 200 ms debounce on top.
 *
 *   npm run bench:console [-- --runs 3]
 */
import { performance } from 'node:perf_hooks';
import { createUserAccount } from '../server/auth/user-accounts';
import { demoKnowledgeDirectory, readDemoData } from '../hotline/demo/demo-data-files';
import { percentile } from '../scripts/retrieval/retrieval-metrics';
import { logIn } from '../tests/support/service-process';
import { createTestApp } from '../tests/support/test-app';

const print = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 3;
  // One official typing all day stays far below the per-address limit; 600 analyses in a minute do not.
  const testApp = await createTestApp(
    { VECTOR_STORE: 'off', LOG_LEVEL: 'warn', API_RATE_LIMIT_PER_MINUTE: '0' },
    { knowledge: true, demoData: true },
  );
  try {
    await testApp.knowledge!.ingester.ingestPaths([demoKnowledgeDirectory()]);
    const password = 'bench-console-secret-7';
    await createUserAccount(
      testApp.services.repositories,
      { username: 'bench-official', password, role: 'official', unitId: 'zjj' },
      'bench',
    );
    const served = await testApp.listen();
    try {
      const { cookie, csrfToken } = await logIn(served.url, 'bench-official', password);
      const demo = readDemoData();
      const texts = demo.appeals
        .filter((_, index) => index % Math.floor(demo.appeals.length / 200) === 0)
        .slice(0, 200)
        .map((appeal) => (appeal.content.match(/[^。！？]+[。！？]?/gu) ?? [appeal.content]).slice(0, 2).join('').slice(0, 120));
      const analyse = async (text: string) => {
        const response = await fetch(`${served.url}/api/assist/analyze`, {
          method: 'POST',
          headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
          body: JSON.stringify({ text, unitId: 'zjj' }),
        });
        if (response.status !== 200) throw new Error(`analyze answered ${response.status}: ${await response.text()}`);
        await response.json();
      };
      await analyse(texts[0]!); // builds the index of past cases, as the first call of a session does
      const p50: number[] = [];
      const p95: number[] = [];
      for (let run = 1; run <= runs; run += 1) {
        const times: number[] = [];
        for (const text of texts) {
          const started = performance.now();
          await analyse(text);
          times.push(performance.now() - started);
        }
        p50.push(percentile(times, 0.5));
        p95.push(percentile(times, 0.95));
        print(`run ${run}: ${times.length} round trips, p50 ${p50.at(-1)!.toFixed(1)} ms, p95 ${p95.at(-1)!.toFixed(1)} ms`);
      }
      print(
        `median of ${runs} runs: p50 ${percentile(p50, 0.5).toFixed(1)} ms, p95 ${percentile(p95, 0.5).toFixed(1)} ms (target p95 ≤ 400 ms)`,
      );
    } finally {
      await served.close();
    }
  } finally {
    await testApp.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
