/**
 * Opens a temporary knowledge base (PGlite in a temporary DATA_DIR, BM25 only, as the offline default runs
 * without a vector store) over ../shared/data/knowledge and retrieves, for each public question, the hits
 * together with every chunk of each hit's document, so answer composition can be measured without
 * re-ingesting for every variant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../hotline/db/database';
import { createRepositories } from '../../hotline/repositories';
import { createOfflineEmbedder } from '../../knowledge/embeddings/offline-embedder';
import type { KnowledgeHit } from '../../knowledge/knowledge-base';
import { openKnowledge } from '../../knowledge/open-knowledge';
import { textCharacterPairs } from '../../knowledge/text/retrieval-terms';
import { readJsonLines } from '../appeal-intelligence/shared-data';

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

export async function retrieveForAnswers(shared: string, k: number): Promise<RetrievedQuestion[]> {
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-eval-answers-'));
  const database = await openDatabase({ dataDirectory });
  const repositories = createRepositories(database.db);
  const logger = {
    info: () => undefined,
    warn: (details: object, message: string) => process.stderr.write(`${message} ${JSON.stringify(details)}\n`),
  };
  const knowledge = await openKnowledge({
    documents: repositories.documents,
    appMeta: repositories.appMeta,
    analyse: textCharacterPairs,
    embedder: createOfflineEmbedder(),
    logger,
    vectorStore: { kind: 'none' },
  });
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
    await knowledge.close();
    await database.close();
    fs.rmSync(dataDirectory, { recursive: true, force: true });
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
