import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChroma, type RunningChroma } from './support/chroma-process';
import { startProcess, waitForListening, type RunningProcess } from './support/service-process';

/**
 * CHROMA_URL pointing at a Chroma server started separately (the chromadb package's `chroma run`), which
 * crashes and comes back while searches keep arriving: every search is answered, by BM25 alone while the
 * server is away (`mode: lexical`), and by the hybrid search again once it is back.
 */
jest.setTimeout(300_000);

describe('a Chroma server at CHROMA_URL that restarts under load', () => {
  let chroma: RunningChroma;
  let service: RunningProcess;
  let url: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-chroma-url-'));

  beforeAll(async () => {
    chroma = await startChroma();
    service = startProcess('server/main.ts', [], {
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      CHROMA_URL: chroma.url,
      API_RATE_LIMIT_PER_MINUTE: '0',
    });
    url = `http://127.0.0.1:${await waitForListening(service, 180_000)}`;
  });

  afterAll(async () => {
    if (service && service.child.exitCode === null) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    await chroma?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const search = async (): Promise<{ status: number; mode?: string; items: number }> => {
    const response = await fetch(`${url}/api/knowledge/search?q=${encodeURIComponent('失业保险金领取条件')}`);
    const body = (await response.json()) as { mode?: string; items?: unknown[] };
    return { status: response.status, mode: body.mode, items: body.items?.length ?? 0 };
  };

  const waitForMode = async (mode: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await search();
      if (result.mode === mode && result.items > 0) return Date.now();
      if (Date.now() > deadline) throw new Error(`search stayed ${result.mode} with ${result.items} hits`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  test('search falls back to BM25 while the server is away, then recovers', async () => {
    // The demo corpus is ingested into the server in the background after start-up.
    await waitForMode('hybrid', 240_000);

    const outcomes: { status: number; mode?: string }[] = [];
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (loading) outcomes.push(await search().catch(() => ({ status: 0 })));
      }),
    );
    try {
      await chroma.kill();
      const killedAt = Date.now();
      const lexicalAt = await waitForMode('lexical', 30_000);
      await chroma.restart();
      const restartedAt = Date.now();
      const hybridAt = await waitForMode('hybrid', 60_000);
      process.stdout.write(
        `Chroma killed: BM25 alone after ${lexicalAt - killedAt} ms; restarted: hybrid again after ${hybridAt - restartedAt} ms\n`,
      );
    } finally {
      loading = false;
      await load;
    }
    process.stdout.write(
      `${outcomes.length} searches under load: ${outcomes.filter((outcome) => outcome.mode === 'lexical').length} lexical, ` +
        `${outcomes.filter((outcome) => outcome.mode === 'hybrid').length} hybrid\n`,
    );
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((outcome) => outcome.status === 200)).toBe(true);
    expect(outcomes.some((outcome) => outcome.mode === 'lexical')).toBe(true);
  });
});
