import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../storage/database';
import { readDemoData } from '../hotline/demo/demo-data-files';
import { createRepositories } from '../storage/repositories';
import { storeLeftOverBomb } from './support/left-over-bomb';
import { logIn, startProcess, waitForListening } from './support/service-process';

jest.setTimeout(180_000);

const demo = readDemoData();

/** Command lines of running Chroma servers (or their watchdogs) that use this DATA_DIR. */
function chromaProcessesFor(dataDirectory: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (commandLine.includes('chroma') && commandLine.includes(path.join(dataDirectory, 'chroma'))) found.push(commandLine);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
const temporaryDirectories: string[] = [];
const newDataDirectory = () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-process-'));
  temporaryDirectories.push(directory);
  return directory;
};
afterAll(() => temporaryDirectories.forEach((directory) => fs.rmSync(directory, { recursive: true, force: true })));

async function countRows(dataDirectory: string) {
  const handle = await openDatabase({ dataDirectory });
  try {
    const repositories = createRepositories(handle.db);
    const poll = await repositories.polls.get(demo.poll.id);
    return {
      units: await repositories.units.count(),
      previews: (await repositories.previews.list()).length,
      appeals: await repositories.appeals.count(),
      pollOptions: poll ? (await repositories.polls.optionUnitIds(poll.id)).length : 0,
      users: (await repositories.users.list()).map((user) => user.username),
      demoLoads: (await repositories.auditLog.list(100)).filter((entry) => entry.what === 'demo-data.load').length,
    };
  } finally {
    await handle.close();
  }
}

const complete = {
  units: demo.units.length,
  previews: demo.sessions.length,
  appeals: demo.appeals.length,
  pollOptions: demo.poll.unitIds.length,
  demoLoads: 1,
};

describe('configuration errors stop the process with exit 1 and name the variable', () => {
  const dataDirectory = newDataDirectory();
  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'not-a-url' }, 'DATABASE_URL'],
    [{ DATA_DIR: '/proc/xiaoning-cannot-write-here' }, 'DATA_DIR'],
  ])('%j', async (environment, variable) => {
    const running = startProcess('server/main.ts', [], { DATA_DIR: dataDirectory, ...environment });
    const { code } = await running.exited;
    expect(code).toBe(1);
    expect(running.stderr()).toContain(`配置错误：${variable}`);
    expect(running.stderr()).not.toMatch(/\n\s+at /);
  });
});

describe('npm start on a fresh DATA_DIR', () => {
  const dataDirectory = newDataDirectory();

  test('loads the demo data, answers health and units, shuts down with exit 0 on SIGTERM, and keeps every row on restart', async () => {
    const startedAt = Date.now();
    const first = startProcess('server/main.ts', [], { DATA_DIR: dataDirectory, PORT: '0' });
    const port = await waitForListening(first);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(Date.now() - startedAt).toBeLessThan(60_000);
    const units = (await (await fetch(`http://127.0.0.1:${port}/api/units`)).json()) as { items: unknown[] };
    expect(units.items).toHaveLength(28);

    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.stdout()).toContain('"msg":"stopped"');

    const created = startProcess(
      'server/cli.ts',
      ['create-user', '--username', 'keeper', '--role', 'admin'],
      { DATA_DIR: dataDirectory },
      'keeper-password-1\n',
    );
    expect((await created.exited).code).toBe(0);
    expect(JSON.parse(created.stdout())).toMatchObject({ username: 'keeper', role: 'admin' });

    const second = startProcess('server/main.ts', [], { DATA_DIR: dataDirectory, PORT: '0' });
    await waitForListening(second);
    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);

    expect(await countRows(dataDirectory)).toEqual({ ...complete, users: ['keeper'] });
    expect(chromaProcessesFor(dataDirectory)).toEqual([]);
  });

  test('the embedded Chroma server never outlives the service, even after kill -9', async () => {
    const dataDirectory = newDataDirectory();
    const running = startProcess('server/main.ts', [], { DATA_DIR: dataDirectory, PORT: '0', SEED_DEMO_DATA: 'false' });
    const port = await waitForListening(running);
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as {
      components: { vectorStore: { status: string } };
    };
    expect(health.components.vectorStore.status).toBe('ok');
    expect(chromaProcessesFor(dataDirectory).length).toBeGreaterThan(0);
    running.child.kill('SIGKILL');
    await running.exited;
    const deadline = Date.now() + 10_000;
    while (chromaProcessesFor(dataDirectory).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(chromaProcessesFor(dataDirectory)).toEqual([]);
  });
});

describe('cli create-user', () => {
  // One case: the rules themselves are tested in server/auth, the admin API in tests/auth.int.test.ts.
  test('refuses a guessable password with a Chinese reason and exit 1', async () => {
    const password = '1234567890';
    const dataDirectory = newDataDirectory();
    const created = startProcess(
      'server/cli.ts',
      ['create-user', '--username', 'weak-admin', '--role', 'admin'],
      { DATA_DIR: dataDirectory, VECTOR_STORE: 'off' },
      `${password}\n`,
    );
    expect((await created.exited).code).toBe(1);
    expect(created.stderr()).toMatch(/密码不能是/);
    expect(created.stdout()).toBe('');
  });
});

describe('a restart with the reported zip bomb left in the database', () => {
  test('starts, answers, marks the document failed and skips it instead of running out of memory at every start', async () => {
    const dataDirectory = newDataDirectory();
    const handle = await openDatabase({ dataDirectory });
    const leftOver = await storeLeftOverBomb(createRepositories(handle.db)).finally(() => handle.close());
    const password = 'restart-admin-password-1';
    const running = startProcess('server/main.ts', [], {
      DATA_DIR: dataDirectory,
      PORT: '0',
      SEED_DEMO_DATA: 'false',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: password,
    });
    const base = `http://127.0.0.1:${await waitForListening(running)}`;
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const { cookie } = await logIn(base, 'admin', password);
    const list = (await (await fetch(`${base}/api/admin/knowledge/documents`, { headers: { Cookie: cookie } })).json()) as {
      items: { id: string; status: string; chunkCount: number }[];
    };
    expect(list.items).toEqual([expect.objectContaining({ id: leftOver.id, status: 'failed', chunkCount: leftOver.chunkCount })]);
    expect(running.stdout()).toContain('document over the chunk limit marked failed and skipped');
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
  });
});

describe('cli seed', () => {
  test('a second run changes nothing', async () => {
    const dataDirectory = newDataDirectory();
    // BM25 only: the Chroma side of ingestion has its own tests, and this one is about the seed.
    const first = startProcess('server/cli.ts', ['seed'], { DATA_DIR: dataDirectory, VECTOR_STORE: 'off' });
    expect((await first.exited).code).toBe(0);
    expect(JSON.parse(first.stdout())).toEqual({
      loaded: true,
      units: 28,
      previews: demo.sessions.length,
      polls: 1,
      appeals: demo.appeals.length,
      knowledge: { added: 651, updated: 0, unchanged: 0, deleted: 0, failed: [] },
      documents: 651,
    });
    const second = startProcess('server/cli.ts', ['seed'], { DATA_DIR: dataDirectory, VECTOR_STORE: 'off' });
    expect((await second.exited).code).toBe(0);
    expect(JSON.parse(second.stdout())).toEqual({
      loaded: false,
      units: 0,
      previews: 0,
      polls: 0,
      appeals: 0,
      knowledge: 'already-loaded',
      documents: 651,
    });
    expect(await countRows(dataDirectory)).toEqual({ ...complete, users: [] });
  });

  test('kill -9 at any moment of the load leaves either nothing or everything, and the next load completes it', async () => {
    const dataDirectory = newDataDirectory();
    const observed: string[] = [];
    // Each kill lands a little later after the load began (the CLI says so on stderr just before it starts).
    for (const delayMs of [0, 50, 150, 300, 600, 1200]) {
      const running = startProcess('server/cli.ts', ['seed'], { DATA_DIR: dataDirectory, VECTOR_STORE: 'off' });
      while (!running.stderr().includes('正在载入演示数据') && running.child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      running.child.kill('SIGKILL');
      await running.exited;
      const rows = await countRows(dataDirectory);
      const state = rows.units === 0 && rows.appeals === 0 && rows.previews === 0 ? 'empty' : 'complete';
      if (state === 'complete') expect(rows).toEqual({ ...complete, users: [] });
      observed.push(`${delayMs}ms:${state}`);
    }
    const finish = startProcess('server/cli.ts', ['seed'], { DATA_DIR: dataDirectory, VECTOR_STORE: 'off' });
    expect((await finish.exited).code).toBe(0);
    expect(await countRows(dataDirectory)).toEqual({ ...complete, users: [] });
    // At least one kill must have landed inside the load for this test to prove anything.
    expect(observed.some((entry) => entry.endsWith(':empty'))).toBe(true);
    console.warn(`kill -9 during demo load: ${observed.join(', ')}`);
  });
});
