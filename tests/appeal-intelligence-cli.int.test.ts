import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../storage/database';
import { readDemoData } from '../hotline/demo/demo-data-files';
import { readFixture } from '../hotline/intelligence/fixtures/read-fixture';
import { appealTypes } from '../hotline/intelligence/type/appeal-types';
import { createRepositories } from '../storage/repositories';
import { startProcess } from './support/service-process';

jest.setTimeout(180_000);

/** The column's categories (data/demo/taxonomy.json, copied from ningde/taxonomy.json). */
const columnCategories = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '../data/demo/taxonomy.json'), 'utf8')) as { categories: string[] }
).categories;
const typedAppeals = readFixture<{ id: string; title: string; content: string; type: string }>('appeal-types.jsonl');

const temporaryDirectories: string[] = [];
const newDirectory = () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-cli-'));
  temporaryDirectories.push(directory);
  return directory;
};
afterAll(() => temporaryDirectories.forEach((directory) => fs.rmSync(directory, { recursive: true, force: true })));

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('cli classify --input A.jsonl', () => {
  test('each {id, content, title?} gives {id, category, type, tags, summary, confidence}, in order', async () => {
    const directory = newDirectory();
    const input = path.join(directory, 'appeals.jsonl');
    const appeals = [
      typedAppeals.find((appeal) => appeal.id === '272351')!,
      ...typedAppeals.filter((appeal) => appeal.type !== '紧急件').slice(0, 19),
    ];
    fs.writeFileSync(
      input,
      appeals
        .map((appeal, index) =>
          JSON.stringify(
            index % 2 === 0 ? { id: appeal.id, title: appeal.title, content: appeal.content } : { id: appeal.id, content: appeal.content },
          ),
        )
        .join('\n') + '\n',
    );
    const running = startProcess('server/cli.ts', ['classify', '--input', input], { DATA_DIR: directory });
    expect((await running.exited).code).toBe(0);
    const results = jsonLines(running.stdout());
    expect(results.map((result) => result.id)).toEqual(appeals.map((appeal) => appeal.id));
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual(['category', 'confidence', 'id', 'summary', 'tags', 'type']);
      expect(columnCategories).toContain(result.category);
      expect(appealTypes).toContain(result.type);
      expect(Array.isArray(result.tags)).toBe(true);
      expect(typeof result.summary).toBe('string');
      expect((result.summary as string).length).toBeLessThanOrEqual(60);
      expect(result.confidence).toBeGreaterThan(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    }
    // The first appeal, unlabeled 272351 (sent with its title), asks for rare blood urgently needed: 紧急件.
    expect(results[0].type).toBe('紧急件');
  });

  test('bad lines get a clear error on stderr with their line number, the others are classified, exit 1', async () => {
    const directory = newDirectory();
    const input = path.join(directory, 'mixed.jsonl');
    const good = typedAppeals[0];
    fs.writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a', content: good.content }),
        '{not json',
        JSON.stringify({ id: 'b', content: '   ' }),
        JSON.stringify({ content: '没有编号' }),
        '',
        JSON.stringify({ id: 7, content: good.content, title: good.title }),
      ].join('\n'),
    );
    const running = startProcess('server/cli.ts', ['classify', '--input', input], { DATA_DIR: directory });
    expect((await running.exited).code).toBe(1);
    expect(jsonLines(running.stdout()).map((result) => result.id)).toEqual(['a', 7]);
    const errors = jsonLines(running.stderr());
    expect(errors.slice(0, 3).map((error) => error.line)).toEqual([2, 3, 4]);
    expect(errors[0].error).toContain('第 2 行');
    expect(errors[0].error).toContain('JSON');
    expect(errors[1]).toMatchObject({ id: 'b' });
    expect(errors[1].error).toContain('content');
    expect(errors[2].error).toContain('id');
    expect(errors[3].error).toContain('3 行');
    expect(running.stderr()).not.toMatch(/\n\s+at /);
  });

  test('a missing input file is an error naming the file', async () => {
    const directory = newDirectory();
    const running = startProcess('server/cli.ts', ['classify', '--input', path.join(directory, 'none.jsonl')], { DATA_DIR: directory });
    expect((await running.exited).code).toBe(1);
    expect(running.stderr()).toContain('找不到输入文件');
    expect(running.stdout()).toBe('');
  });
});

describe('cli reinsight', () => {
  test('recomputes the insight of every stored appeal', async () => {
    const dataDirectory = newDirectory();
    const seed = startProcess('server/cli.ts', ['seed'], { DATA_DIR: dataDirectory });
    expect((await seed.exited).code).toBe(0);

    const handle = await openDatabase({ dataDirectory });
    const appealCount = readDemoData().appeals.length;
    try {
      const repositories = createRepositories(handle.db);
      expect(await repositories.appeals.countInsights()).toBe(appealCount);
      const [first] = await repositories.appeals.listTexts();
      await repositories.appeals.saveInsights([
        { appealId: first.id, category: '其他', type: '咨询', tags: [], summary: '旧', model: 'old' },
      ]);
    } finally {
      await handle.close();
    }

    const running = startProcess('server/cli.ts', ['reinsight'], { DATA_DIR: dataDirectory });
    expect((await running.exited).code).toBe(0);
    const [result] = jsonLines(running.stdout());
    expect(result).toMatchObject({ appeals: appealCount, insights: appealCount });
    expect(result.model).toMatch(/^appeal-intelligence-\d+\/category-/u);

    const after = await openDatabase({ dataDirectory });
    try {
      const repositories = createRepositories(after.db);
      const [first] = await repositories.appeals.listTexts();
      expect((await repositories.appeals.getInsight(first.id))?.model).toBe(result.model);
      expect(await repositories.appeals.countInsights()).toBe(appealCount);
    } finally {
      await after.close();
    }
  });
});
