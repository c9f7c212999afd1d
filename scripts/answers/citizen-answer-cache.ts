/**
 * Iterating on passages and answers without re-ingesting: `--write file` ingests ../shared/data/knowledge
 * once (BM25 alone, as eval:citizen runs by default) and stores, for every question of the citizen sets, the
 * search hits (k 5, as knowledgeBase.search gives them) and every chunk of their documents; `--read file`
 * builds the passages with knowledge/passages (as search_policies asks: k 3) and the offline answer from the
 * stored hits, and prints containment per set. Same figures as eval:citizen's search_policies path.
 *
 *   node --import tsx scripts/answers/citizen-answer-cache.ts --write /tmp/citizen-cache.json
 *   node --import tsx scripts/answers/citizen-answer-cache.ts --read /tmp/citizen-cache.json [--misses file] [--options '{"rankDecay":0.5}']
 */
import fs from 'node:fs';
import path from 'node:path';
import { composePolicyAnswer, type ComposePolicyAnswerOptions } from '../../bot/answers/compose-policy-answer';
import { searchPolicies } from '../../bot/tools/search-policies/search-policies';
import type { KnowledgeHit } from '../../knowledge/knowledge-base';
import { createPassageSearch, type PassageChunk, type PassageSearchOptions } from '../../knowledge/passages/search-passages';
import { readJsonLines, sharedDataDirectory } from '../appeal-intelligence/shared-data';
import { openScratchKnowledge } from '../support/scratch-knowledge';
import { option } from '../support/command-line';
import { containsGold, type CitizenQuestion } from './answer-metrics';

interface CachedQuestion extends CitizenQuestion {
  set: string;
  hits: KnowledgeHit[];
}

interface Cache {
  questions: CachedQuestion[];
  chunks: Record<string, PassageChunk[]>;
}

const maxCharacters = 300;

function setsOf(shared: string) {
  return [
    { name: 'public', file: path.join(shared, 'eval/citizen-questions-public.jsonl') },
    { name: 'held-out', file: path.join(__dirname, '../retrieval/citizen-questions-held-out.jsonl') },
    { name: 'held-out answers', file: path.join(__dirname, '../retrieval/everyday-answers-held-out.jsonl') },
    { name: 'policy 600', file: path.join(shared, 'eval/policy-qa-public.jsonl') },
  ];
}

async function write(file: string, shared: string) {
  const scratch = await openScratchKnowledge({ prefix: 'xiaoning-citizen-cache-', vectors: 'none' });
  try {
    await scratch.knowledge.ingester.ingestPaths([path.join(shared, 'knowledge')]);
    const cache: Cache = { questions: [], chunks: {} };
    for (const set of setsOf(shared)) {
      for (const question of readJsonLines<CitizenQuestion>(set.file)) {
        const { hits } = await scratch.knowledge.knowledgeBase.search(question.question, { k: 5 });
        cache.questions.push({ ...question, set: set.name, hits });
        for (const hit of hits) {
          cache.chunks[hit.documentId] ??= (await scratch.repositories.documents.chunksOf(hit.documentId)).map(({ text, headingPath }) => ({
            text,
            headingPath,
          }));
        }
      }
    }
    fs.writeFileSync(file, JSON.stringify(cache));
  } finally {
    await scratch.close();
  }
}

async function read(file: string, misses: string | undefined, settings: ComposePolicyAnswerOptions, passageOptions: PassageSearchOptions) {
  const cache = JSON.parse(fs.readFileSync(file, 'utf8')) as Cache;
  const bySet = new Map<string, { count: number; contained: number; article: number; long: number }>();
  const missLines: string[] = [];
  const started = performance.now();
  for (const question of cache.questions) {
    const searchPassages = createPassageSearch({
      search: async (_question, options) => ({ hits: question.hits.slice(0, options.k ?? 5), mode: 'lexical' }),
      chunksOf: (documentId) => cache.chunks[documentId] ?? [],
    });
    const output = await searchPolicies
      .createTool({ searchPolicies: (query: string, k: number) => searchPassages(query, { k, ...passageOptions }) } as never)
      .invoke({ query: question.question });
    const content = typeof output === 'string' ? output : JSON.stringify(output);
    const answer =
      searchPolicies.renderResult(content, {
        question: question.question,
        composePolicy: (text, passages) => composePolicyAnswer(text, passages, settings),
      }) ?? '';
    const result = searchPolicies.readResult(content) as { sources: { source: string; headingPath: string[] }[] } | undefined;
    const first = result?.sources[0];
    const tally = bySet.get(question.set) ?? { count: 0, contained: 0, article: 0, long: 0 };
    tally.count += 1;
    const contained = [...answer].length <= maxCharacters && containsGold(answer, question.answer);
    if (contained) tally.contained += 1;
    if (first?.source === question.source && first.headingPath.at(-1) === question.article) tally.article += 1;
    bySet.set(question.set, tally);
    if (!contained && question.set !== 'public' && question.set !== 'policy 600') {
      missLines.push(
        JSON.stringify({
          set: question.set,
          id: question.id,
          question: question.question,
          gold: `${question.source} ${question.article ?? ''}: ${question.answer}`,
          sources: result?.sources.map((source) => `${source.source} ${source.headingPath.at(-1)}`),
          answer,
        }),
      );
    }
  }
  for (const [name, tally] of bySet) {
    process.stdout.write(
      `${name.padEnd(18)} ${String(tally.count).padStart(4)}  containment ${(tally.contained / tally.count).toFixed(3)}  first source = gold article ${(tally.article / tally.count).toFixed(3)}\n`,
    );
  }
  process.stdout.write(`(${((performance.now() - started) / cache.questions.length).toFixed(2)} ms a question)\n`);
  if (misses) fs.writeFileSync(misses, `${missLines.join('\n')}\n`);
}

const argv = process.argv.slice(2);
const shared = sharedDataDirectory(undefined);
const writeFile = option(argv, '--write');
const readFile = option(argv, '--read');
(writeFile
  ? write(writeFile, shared)
  : read(
      readFile ?? '/tmp/citizen-cache.json',
      option(argv, '--misses'),
      JSON.parse(option(argv, '--options') ?? '{}') as ComposePolicyAnswerOptions,
      JSON.parse(option(argv, '--passages') ?? '{}') as PassageSearchOptions,
    )
).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
