import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../storage/database';
import { createRepositories } from '../../storage/repositories';
import { createOfflineEmbedder } from '../../knowledge/embeddings/offline-embedder';
import { openKnowledge, type OpenKnowledgeOptions } from '../../knowledge/open-knowledge';
import { textCharacterPairs } from '../../text/term-analysers';

export interface ScratchKnowledgeOptions extends Pick<OpenKnowledgeOptions, 'weights' | 'threshold'> {
  /** Name prefix of the temporary DATA_DIR. */
  prefix: string;
  analyse?: OpenKnowledgeOptions['analyse'];
  /** `embedded` runs Chroma in the temporary folder, as `npm start` does; `none` is BM25 alone. */
  vectors: 'embedded' | 'none';
}

/**
 * A throw-away knowledge base for measurements: PGlite in a temporary DATA_DIR, the offline embedder,
 * warnings on stderr (stdout carries the figures). `close` stops Chroma and removes the folder.
 */
export async function openScratchKnowledge(options: ScratchKnowledgeOptions) {
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix));
  const database = await openDatabase({ dataDirectory });
  const repositories = createRepositories(database.db);
  const knowledge = await openKnowledge({
    documents: repositories.documents,
    appMeta: repositories.appMeta,
    analyse: options.analyse ?? textCharacterPairs,
    embedder: createOfflineEmbedder(),
    logger: {
      info: () => undefined,
      warn: (details: object, message: string) => process.stderr.write(`${message} ${JSON.stringify(details)}\n`),
    },
    vectorStore: options.vectors === 'embedded' ? { kind: 'embedded', dataDirectory } : { kind: 'none' },
    ...(options.weights ? { weights: options.weights } : {}),
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
  });
  return {
    database,
    repositories,
    knowledge,
    async close() {
      await knowledge.close();
      await database.close();
      fs.rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}
