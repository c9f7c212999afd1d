import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProcess } from './support/service-process';

jest.setTimeout(120_000);

const laws = path.resolve(__dirname, '../data/demo/knowledge/laws');

describe('cli ingest, search and reindex (DESIGN §5)', () => {
  let dataDirectory: string;
  let corpus: string;
  beforeAll(() => {
    dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-cli-'));
    corpus = path.join(dataDirectory, 'corpus');
    fs.mkdirSync(corpus);
    for (const name of ['住房公积金管理条例(2019-03-24).md', '城市居民最低生活保障条例(1999-09-28).md'])
      fs.copyFileSync(path.join(laws, name), path.join(corpus, name));
    fs.writeFileSync(path.join(corpus, 'broken.pdf'), '%PDF-1.7 not really a pdf');
  });
  afterAll(() => fs.rmSync(dataDirectory, { recursive: true, force: true }));

  it('ingest prints a line per document when not on a terminal and ends with a summary; failures exit 1 with reasons', async () => {
    const run = startProcess('server/cli.ts', ['ingest', corpus], { DATA_DIR: dataDirectory });
    expect((await run.exited).code).toBe(1);
    expect(JSON.parse(run.stdout())).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      deleted: 0,
      failed: [{ source: 'broken.pdf', reason: expect.stringContaining('PDF') }],
    });
    expect(run.stderr()).toContain('[1/3] 失败 broken.pdf');
    expect(run.stderr()).toContain('[2/3] 新增 住房公积金管理条例(2019-03-24).md');
    expect(run.stderr()).toContain('完成：新增 2，更新 0，未变 0，删除 0，失败 1');

    fs.rmSync(path.join(corpus, 'broken.pdf'));
    const again = startProcess('server/cli.ts', ['ingest', corpus], { DATA_DIR: dataDirectory });
    expect((await again.exited).code).toBe(0);
    expect(JSON.parse(again.stdout())).toMatchObject({ added: 0, unchanged: 2, failed: [] });
  });

  it('search answers each {id, question} line with distinct sources, best first, and reports bad lines', async () => {
    const input = path.join(dataDirectory, 'questions.jsonl');
    fs.writeFileSync(
      input,
      [
        JSON.stringify({ id: 'q1', question: '职工什么情况下可以提取住房公积金？' }),
        JSON.stringify({ id: 'q2', question: '城市居民最低生活保障待遇怎么申请？' }),
        'not json',
        JSON.stringify({ id: 'q3' }),
        JSON.stringify({ id: 'q4', question: '推荐几部好看的电影' }),
      ].join('\n'),
    );
    const run = startProcess('server/cli.ts', ['search', '--input', input, '--k', '5'], { DATA_DIR: dataDirectory });
    expect((await run.exited).code).toBe(1);
    const lines = run
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; sources: string[]; scores: number[] });
    expect(lines.map((line) => line.id)).toEqual(['q1', 'q2', 'q4']);
    expect(lines[0]!.sources[0]).toBe('住房公积金管理条例(2019-03-24).md');
    expect(lines[1]!.sources[0]).toBe('城市居民最低生活保障条例(1999-09-28).md');
    for (const line of lines) {
      expect(new Set(line.sources).size).toBe(line.sources.length);
      expect(line.scores).toHaveLength(line.sources.length);
      expect([...line.scores].sort((left, right) => right - left)).toEqual(line.scores);
    }
    expect(lines[2]).toEqual({ id: 'q4', sources: [], scores: [] });
    expect(run.stderr()).toContain('"line":3');
    expect(run.stderr()).toContain('"line":4');
  });

  it('reindex rebuilds the vectors from the chunks of record', async () => {
    const run = startProcess('server/cli.ts', ['reindex'], { DATA_DIR: dataDirectory });
    expect((await run.exited).code).toBe(0);
    expect(JSON.parse(run.stdout())).toEqual({ reindexed: true, chunks: expect.any(Number) });
    expect(JSON.parse(run.stdout()).chunks).toBeGreaterThan(50);
  });
});

describe('cli ask (DESIGN §5)', () => {
  it('answers each line on a fresh DATA_DIR (demo data and corpus loaded first), keeps conversations by conversationId, reports bad lines', async () => {
    const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-cli-ask-'));
    try {
      const input = path.join(dataDirectory, 'ask.jsonl');
      fs.writeFileSync(
        input,
        [
          JSON.stringify({ id: 'p1', question: '住房公积金在什么情况下可以提取？' }),
          JSON.stringify({ id: 'f1', question: '下周谁来接听热线？', conversationId: 'c1' }),
          'not json',
          JSON.stringify({ id: 'f2', question: '那霞浦县呢？', conversationId: 'c1' }),
          JSON.stringify({ id: 'bad' }),
          JSON.stringify({ id: 'o1', question: '帮我写一首关于春天的诗' }),
        ].join('\n'),
      );
      const run = startProcess('server/cli.ts', ['ask', '--input', input], { DATA_DIR: dataDirectory, VECTOR_STORE: 'off' });
      expect((await run.exited).code).toBe(1);
      const answers = new Map(
        run
          .stdout()
          .trim()
          .split('\n')
          .map(
            (line) =>
              JSON.parse(line) as {
                id: string;
                answer: string;
                sources: { source: string; title: string }[];
                refused: boolean;
                toolCalls: string[];
              },
          )
          .map((answer) => [answer.id, answer]),
      );
      expect([...answers.keys()]).toEqual(['p1', 'f1', 'f2', 'o1']);
      expect(answers.get('p1')).toMatchObject({ refused: false, toolCalls: ['search_policies'] });
      expect(answers.get('p1')!.sources[0]!.title).toContain('住房公积金');
      // The follow-up only makes sense within conversation c1: it stays a previews question.
      expect(answers.get('f2')!.toolCalls).toEqual(['get_hotline_previews']);
      expect(answers.get('o1')).toMatchObject({ refused: true, sources: [] });
      const errors = run
        .stderr()
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { line: number });
      expect(errors.map((error) => error.line)).toEqual([3, 5]);
    } finally {
      fs.rmSync(dataDirectory, { recursive: true, force: true });
    }
  });
});
