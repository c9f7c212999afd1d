import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const repository = path.resolve(__dirname, '..');
const depcruise = path.join(repository, 'node_modules', '.bin', 'depcruise');
const config = path.join(repository, '.dependency-cruiser.cjs');

interface CruiseOutcome {
  code: number;
  output: string;
}

function cruise(directory: string, folders: string[]): Promise<CruiseOutcome> {
  return new Promise((resolve) => {
    execFile(depcruise, ['--config', config, '--output-type', 'err', ...folders], { cwd: directory }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** A tree of small files in the project's layer folders, written into a temporary folder. */
async function writeTree(directory: string, files: Record<string, string>): Promise<void> {
  await writeFile(path.join(directory, 'tsconfig.json'), '{"compilerOptions":{"module":"commonjs","moduleResolution":"node10"}}');
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(directory, file)), { recursive: true });
    await writeFile(path.join(directory, file), content);
  }
}

describe('the layer rule (npm run lint:layers)', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'xiaoning-layers-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('passes a tree that follows the rule', async () => {
    await writeTree(directory, {
      'common/index.ts': "export { failure } from './errors';",
      'common/errors.ts': 'export const failure = 1;',
      'storage/index.ts': "import { failure } from '../common';\nexport const rows = failure;",
      'hotline/index.ts': "import { rows } from '../storage';\nexport const appeals = rows;",
      'bot/agent.ts': "import { appeals } from '../hotline';\nexport const agent = appeals;",
    });
    const outcome = await cruise(directory, ['common', 'storage', 'hotline', 'bot']);
    expect(outcome.code).toBe(0);
  });

  it('fails on an import of a layer above, between siblings, past an entry file, and from a front end', async () => {
    await writeTree(directory, {
      'common/index.ts': "export { failure } from './errors';",
      'common/errors.ts': "import { agent } from '../bot/agent';\nexport const failure = agent;",
      'knowledge/index.ts': 'export const passages = 1;',
      'hotline/index.ts': "import { passages } from '../knowledge';\nexport const appeals = passages;",
      'hotline/polls/voting.ts': 'export const voting = 1;',
      'bot/agent.ts': "import { voting } from '../hotline/polls/voting';\nexport const agent = voting;",
      'server/app.ts': 'export const app = 1;',
      'webchat/src/main.ts': "import { app } from '../../server/app';\nexport const page = app;",
    });
    const outcome = await cruise(directory, ['common', 'knowledge', 'hotline', 'bot', 'server', 'webchat']);
    expect(outcome.code).not.toBe(0);
    expect(outcome.output).toContain('common-imports-only-below: common/errors.ts → bot/agent.ts');
    expect(outcome.output).toContain('hotline-imports-only-below: hotline/index.ts → knowledge/index.ts');
    expect(outcome.output).toContain('through-entry-files: bot/agent.ts → hotline/polls/voting.ts');
    expect(outcome.output).toContain('webchat-imports-only-below: webchat/src/main.ts → server/app.ts');
  });
});
