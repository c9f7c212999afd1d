/**
 * Memory of the service while an administrator uploads zip bombs shaped like Word files. Starts the service
 * as `npm start` does (its own process, a fresh DATA_DIR, PGlite, no demo data, no vector store so that only
 * the app's own process is measured), logs in as the administrator, uploads a small real DOCX once (mammoth
 * and the loaders are then in memory: that is "idle"), then uploads each shape several times. For each
 * upload: the answer's status and time, and the peak resident memory above idle (VmHWM after the answer
 * minus VmRSS before it; the peak is reset through /proc/PID/clear_refs before each upload). Prints each run
 * and the medians per shape. Linux only (reads /proc).
 *
 *   npm run bench:upload [-- --runs 5] [--shapes reported,lying,...]
 *
 * Shapes: reported (300 MB of document.xml in 306 KB, the file of the issue), large (1.2 GB), lying (300 MB
 * that declares 1 KB in the central directory), entries (10,000 entries), paragraphs (40 MB of short
 * articles), and two files that pass the archive checks and reach the converter: articles (16,000 short
 * articles: refused for its chunk count after conversion) and empty (99,000 empty paragraphs, the most
 * converter memory per byte the markup limits let through).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile } from '../scripts/retrieval/retrieval-metrics';
import { option } from '../scripts/support/command-line';
import { makeDocx } from '../tests/support/make-docx';
import { logIn, startProcess, waitForListening } from '../tests/support/service-process';
import { makeZipBomb, type ZipBombOptions } from '../tests/support/make-zip-bomb';

const print = (line: string) => process.stdout.write(`${line}\n`);
const megabytes = (kilobytes: number) => kilobytes / 1024;

const shapes: Record<string, ZipBombOptions> = {
  reported: { inflatedBytes: 300 * 1024 * 1024 },
  large: { inflatedBytes: 1200 * 1024 * 1024 },
  lying: { inflatedBytes: 300 * 1024 * 1024, declaredBytes: 1024 },
  entries: { inflatedBytes: 1024, extraEntries: 10_000 },
  paragraphs: { inflatedBytes: 40 * 1024 * 1024, shape: 'paragraphs' },
  articles: { inflatedBytes: 16_000 * 118, shape: 'paragraphs' },
  empty: { inflatedBytes: 99_000 * 6, shape: 'empty-paragraphs' },
};

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

async function main() {
  const argv = process.argv.slice(2);
  const runs = Number(option(argv, '--runs') ?? 5);
  const chosen = (option(argv, '--shapes') ?? Object.keys(shapes).join(',')).split(',');
  const files = new Map<string, Buffer>();
  for (const name of chosen) {
    if (!shapes[name]) throw new Error(`unknown shape ${name}; known: ${Object.keys(shapes).join(', ')}`);
    files.set(name, await makeZipBomb(shapes[name]));
  }

  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-upload-bench-'));
  const password = 'bench-admin-password-2026';
  const running = startProcess('server/main.ts', [], {
    DATA_DIR: dataDirectory,
    PORT: '0',
    SEED_DEMO_DATA: 'false',
    VECTOR_STORE: 'off',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: password,
    API_RATE_LIMIT_PER_MINUTE: '0',
  });
  const pid = running.child.pid!;
  try {
    const port = await waitForListening(running);
    const base = `http://127.0.0.1:${port}`;
    const { cookie, csrfToken } = await logIn(base, 'admin', password);
    const upload = async (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const response = await fetch(`${base}/api/admin/knowledge/documents`, {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
    };
    const warmUp = await upload(
      await makeDocx([{ text: '预热文件', heading: 1 }, { text: '第一条 这是一份正常的 Word 文件。' }]),
      'warm-up.docx',
    );
    if (warmUp.status !== 201) throw new Error(`warm-up upload answered ${warmUp.status}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    print(`service pid ${pid}, idle RSS ${megabytes(memoryOf(pid).rss).toFixed(0)} MB after a warm-up upload; ${runs} runs per shape`);

    const summary: string[] = [];
    for (const [name, bytes] of files) {
      const peaks: number[] = [];
      const times: number[] = [];
      let answer = '';
      for (let run = 1; run <= runs; run += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const idle = memoryOf(pid).rss;
        fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
        const started = performance.now();
        const { status, body } = await upload(bytes, `${name}.docx`);
        times.push(performance.now() - started);
        peaks.push(megabytes(memoryOf(pid).peak - idle));
        answer = `${status} ${body.error?.message ?? ''}`;
        print(`  ${name} run ${run}: ${status} in ${times.at(-1)!.toFixed(0)} ms, peak RSS above idle ${peaks.at(-1)!.toFixed(1)} MB`);
      }
      summary.push(
        `${name.padEnd(10)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KB  →  median peak above idle ${percentile(peaks, 0.5).toFixed(1)} MB (max ${Math.max(...peaks).toFixed(1)}), median time ${percentile(times, 0.5).toFixed(0)} ms; ${answer}`,
      );
    }
    print(`\nmedians of ${runs} runs (target: a refused zip bomb stays under 300 MB above idle)`);
    for (const line of summary) print(line);
    const documents = await fetch(`${base}/api/admin/knowledge/documents`, { headers: { Cookie: cookie } });
    const { items } = (await documents.json()) as { items: { source: string }[] };
    print(`documents stored afterwards: ${items.map((item) => item.source).join(', ')} (the warm-up file only)`);
  } finally {
    running.child.kill('SIGTERM');
    await running.exited;
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
