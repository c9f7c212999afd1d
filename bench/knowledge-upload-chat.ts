/**
 * Does background ingestion hold up the chat? Starts the service as `npm start` runs it (its own process,
 * PGlite, the embedded Chroma, demo data and corpus, the offline model) and times `POST /api/chat` on policy
 * questions, one after another: first on an idle service, then while an administrator uploads 100 documents
 * through the admin panel's route (four uploads at a time, as the panel sends them) and the queue ingests them.
 * Prints p50/p95/max of each phase per run, the time to upload and to ingest the 100 documents, and the
 * medians of the runs.
 *
 *   npm run bench:upload-chat [-- --runs 3] [--documents 100] [--idle-questions 60]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile } from '../scripts/retrieval/retrieval-metrics';
import { option } from '../scripts/support/command-line';
import { logIn, startProcess, waitForListening } from '../tests/support/service-process';

const print = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => percentile(values, 0.5);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const adminPassword = 'bench-upload-admin-2026';
const corpus = path.resolve(__dirname, '../../shared/data/knowledge/ncp');
const qaFile = path.resolve(__dirname, '../../shared/data/eval/policy-qa-public.jsonl');

interface Phase {
  p50: number;
  p95: number;
  max: number;
  count: number;
}

const summarise = (times: number[]): Phase => ({
  p50: percentile(times, 0.5),
  p95: percentile(times, 0.95),
  max: Math.max(...times),
  count: times.length,
});

async function main() {
  const argv = process.argv.slice(2);
  const runs = Number(option(argv, '--runs') ?? 3);
  const documentCount = Number(option(argv, '--documents') ?? 100);
  const idleQuestions = Number(option(argv, '--idle-questions') ?? 60);
  const questions = fs
    .readFileSync(qaFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { question: string }).question);
  const files = fs
    .readdirSync(corpus)
    .filter((name) => /\.(md|txt|html?)$/i.test(name))
    .sort();
  if (files.length < documentCount) throw new Error(`only ${files.length} files in ${corpus}`);

  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-bench-upload-chat-'));
  const running = startProcess('server/main.ts', [], {
    DATA_DIR: dataDirectory,
    PORT: '0',
    LOG_LEVEL: 'info',
    ADMIN_PASSWORD: adminPassword,
    API_RATE_LIMIT_PER_MINUTE: '0',
    UPLOAD_LIMIT_MB: '20',
  });
  try {
    const port = await waitForListening(running, 600_000);
    const base = `http://127.0.0.1:${port}`;
    // The demo corpus is ingested in the background at the first start: wait for it, so that it is not measured.
    const seedStarted = performance.now();
    while (!running.stdout().includes('"msg":"demo knowledge ingested"')) {
      if (performance.now() - seedStarted > 600_000) throw new Error('demo corpus not ingested after 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    print(`service on ${base}; demo corpus ingested in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const admin = await logIn(base, 'admin', adminPassword);

    let asked = 0;
    const ask = async () => {
      const question = questions[asked % questions.length]!;
      asked += 1;
      const started = performance.now();
      const response = await fetch(`${base}/api/chat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: question }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`chat answered ${response.status}`);
      return performance.now() - started;
    };
    const openJobs = async () => {
      const response = await fetch(`${base}/api/admin/knowledge/uploads`, { headers: { Cookie: admin.cookie } });
      const { items } = (await response.json()) as { items: { stage: string }[] };
      return items.filter((item) => item.stage !== 'failed').length;
    };

    for (let warm = 0; warm < 10; warm += 1) await ask();
    const results: { idle: Phase; during: Phase; uploadSeconds: number; ingestSeconds: number }[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const idle: number[] = [];
      for (let index = 0; index < idleQuestions; index += 1) idle.push(await ask());

      const batch = files
        .slice(((run - 1) * documentCount) % files.length)
        .concat(files)
        .slice(0, documentCount);
      const started = performance.now();
      let uploaded = 0;
      let uploadSeconds = 0;
      const uploadAll = async () => {
        let next = 0;
        const worker = async () => {
          while (next < batch.length) {
            const name = batch[next]!;
            next += 1;
            const form = new FormData();
            form.append('file', new Blob([fs.readFileSync(path.join(corpus, name))]), `run${run}-${name}`);
            const response = await fetch(`${base}/api/admin/knowledge/uploads`, {
              method: 'POST',
              headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken },
              body: form,
            });
            if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
            uploaded += 1;
          }
        };
        await Promise.all([worker(), worker(), worker(), worker()]);
        uploadSeconds = (performance.now() - started) / 1000;
      };
      const uploading = uploadAll();
      const during: number[] = [];
      // Chat while the uploads arrive and until the queue is empty.
      for (;;) {
        during.push(await ask());
        if (uploaded === batch.length && during.length % 5 === 0 && (await openJobs()) === 0) break;
      }
      await uploading;
      const ingestSeconds = (performance.now() - started) / 1000;
      const result = { idle: summarise(idle), during: summarise(during), uploadSeconds, ingestSeconds };
      results.push(result);
      print(
        `run ${run}: idle p50 ${ms(result.idle.p50)} p95 ${ms(result.idle.p95)} max ${ms(result.idle.max)} (${idle.length} questions) | ` +
          `during ${documentCount} uploads: p50 ${ms(result.during.p50)} p95 ${ms(result.during.p95)} max ${ms(result.during.max)} ` +
          `(${during.length} questions) | uploads accepted in ${uploadSeconds.toFixed(1)} s, ingested in ${ingestSeconds.toFixed(1)} s`,
      );
    }
    print(
      `median of ${runs} runs: chat idle p50 ${ms(median(results.map((result) => result.idle.p50)))} p95 ${ms(median(results.map((result) => result.idle.p95)))}; ` +
        `during a ${documentCount}-document upload p50 ${ms(median(results.map((result) => result.during.p50)))} ` +
        `p95 ${ms(median(results.map((result) => result.during.p95)))} max ${ms(median(results.map((result) => result.during.max)))}; ` +
        `${documentCount} documents accepted in ${median(results.map((result) => result.uploadSeconds)).toFixed(1)} s, ` +
        `ingested in ${median(results.map((result) => result.ingestSeconds)).toFixed(1)} s`,
    );
  } finally {
    running.child.kill('SIGTERM');
    await running.exited;
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
