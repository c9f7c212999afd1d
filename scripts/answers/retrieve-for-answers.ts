/**
 * Opens a temporary knowledge base (PGlite in a temporary DATA_DIR, BM25 only, as the offline default runs
 * without a vector store) over ../shared/data/knowledge and retrieves, for each public question, the hits
 * together with every chunk of each hit's document, so answer composition can be measured without
 * re-ingesting for every variant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PolicyPassage } from '../../bot/answers/compose-policy-answer';
import type { KnowledgeHit } from '../../knowledge/knowledge-base';
import { passageText } from '../../knowledge/passages/search-passages';
import { readJsonLines } from '../appeal-intelligence/shared-data';
import { openScratchKnowledge } from '../support/scratch-knowledge';

export interface PolicyQuestion {
  id: string;
  question: string;
  answer: string;
  source: string;
}

export interface DocumentChunkText {
  ordinal: number;
  text: string;
  headingPath: string[];
}

export interface RetrievedQuestion extends PolicyQuestion {
  hits: KnowledgeHit[];
  /** Every chunk of each hit's document, in order, keyed by documentId. */
  chunks: Record<string, DocumentChunkText[]>;
  retrievalMs: number;
}

/**
 * The passages of a question's first `hitCount` hits as the knowledge base's searchPassages builds them
 * (best chunk, then up to `following` chunks under the same heading), from the cached chunks.
 */
export function cachedPassages(question: RetrievedQuestion, hitCount: number, following: number): PolicyPassage[] {
  return question.hits.slice(0, hitCount).map((hit) => ({
    title: hit.title,
    headingPath: hit.headingPath,
    text: passageText(hit, question.chunks[hit.documentId] ?? [], following),
  }));
}

export async function retrieveForAnswers(shared: string, k: number): Promise<RetrievedQuestion[]> {
  const scratch = await openScratchKnowledge({ prefix: 'xiaoning-eval-answers-', vectors: 'none' });
  const { knowledge, repositories } = scratch;
  try {
    await knowledge.ingester.ingestPaths([path.join(shared, 'knowledge')]);
    const questions = readJsonLines<PolicyQuestion>(path.join(shared, 'eval/policy-qa-public.jsonl'));
    const chunkCache = new Map<string, DocumentChunkText[]>();
    const retrieved: RetrievedQuestion[] = [];
    for (const question of questions) {
      const started = performance.now();
      const { hits } = await knowledge.knowledgeBase.search(question.question, { k });
      const retrievalMs = performance.now() - started;
      const chunks: Record<string, DocumentChunkText[]> = {};
      for (const hit of hits) {
        let list = chunkCache.get(hit.documentId);
        if (!list) {
          list = (await repositories.documents.chunksOf(hit.documentId)).map(({ ordinal, text, headingPath }) => ({
            ordinal,
            text,
            headingPath,
          }));
          chunkCache.set(hit.documentId, list);
        }
        chunks[hit.documentId] = list;
      }
      retrieved.push({ ...question, hits, chunks, retrievalMs });
    }
    return retrieved;
  } finally {
    await scratch.close();
  }
}

if (require.main === module) {
  const output = process.argv[2] ?? path.join(os.tmpdir(), 'xiaoning-answers-cache.json');
  retrieveForAnswers(path.resolve(__dirname, '../../../shared/data'), 5)
    .then((retrieved) => {
      fs.writeFileSync(output, JSON.stringify(retrieved));
      process.stdout.write(`${retrieved.length} questions written to ${output}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
