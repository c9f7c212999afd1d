import path from 'node:path';
import type { AppMetaRepository, AuditLogRepository, IngestionJobsRepository } from '../storage';
import type { DocumentsRepository } from '../storage';
import type { Embedder } from './embeddings/embedder';
import { createIngester } from './ingest/ingest-files';
import { createIngestionQueue } from './ingest/ingestion-queue';
import { defaultIngestLimits, type IngestLimits } from './ingest/ingest-limits';
import { createKnowledgeBase, type KnowledgeLogger } from './knowledge-base';
import type { FusionWeights } from './retrieval/fuse-scores';
import { defaultFusionWeights, defaultRelevanceThreshold, defaultRerankWeights } from './retrieval/retrieval-settings';
import { createQuestionCues, createThesaurus, type TermAnalyser } from '../text';
import { createChromaServer, type ChromaServer } from './vector-store/chroma-server';
import { createChromaVectorIndex } from './vector-store/chroma-vector-index';

export interface OpenKnowledgeOptions {
  documents: DocumentsRepository;
  appMeta: AppMetaRepository;
  analyse: TermAnalyser;
  embedder: Embedder;
  logger: KnowledgeLogger;
  /** `embedded` starts Chroma in DATA_DIR/chroma; a URL uses that server; `none` means BM25 only. */
  vectorStore: { kind: 'embedded'; dataDirectory: string } | { kind: 'remote'; url: string } | { kind: 'none' };
  weights?: FusionWeights;
  threshold?: number;
  /** Official terms for a question's everyday words: the thesaurus unless given; null searches the question as written. */
  expandQuery?: ((question: string) => string[]) | null;
  /**
   * Official words associated with a question's everyday words in the appeals' replies (createAppealAssociations()
   * reads the learned file); none unless given.
   */
  associateQuery?: ((question: string) => string[]) | null;
  /** Recent searches kept until the documents change (knowledge/search-cache.ts); default 2,000, 0 for none. */
  searchCacheEntries?: number;
  /** What one document may cost to ingest (see ingest-limits); the defaults fit the real corpus with a wide margin. */
  limits?: IngestLimits;
  /** The background ingestion queue's table and the audit log; without them there is no queue (CLI, evaluations). */
  queue?: {
    jobs: IngestionJobsRepository;
    auditLog: AuditLogRepository;
    /** Several app processes share the database: see the ingestion queue. */
    sharedWithOtherProcesses?: boolean;
    watchIntervalMs?: number;
    claimLeaseMs?: number;
  };
}

/**
 * Builds the knowledge module: the embedded Chroma server (when asked for), the vector index, the
 * knowledge base loaded from the chunks of record with its vectors synchronised, and the ingester.
 * A vector store that cannot start leaves search on BM25 alone rather than stopping the service.
 */
export async function openKnowledge(options: OpenKnowledgeOptions) {
  const { logger, vectorStore } = options;
  const limits = options.limits ?? defaultIngestLimits;
  let chromaServer: ChromaServer | undefined;
  let vectorUrl: () => string | undefined = () => undefined;
  if (vectorStore.kind === 'embedded') {
    const server = createChromaServer({ directory: path.join(vectorStore.dataDirectory, 'chroma'), logger });
    chromaServer = server;
    vectorUrl = () => server.url;
    try {
      await server.start();
    } catch (error) {
      logger.warn({ err: error }, 'embedded chroma did not start; search runs on BM25 alone');
    }
  } else if (vectorStore.kind === 'remote') {
    vectorUrl = () => vectorStore.url;
  }
  const vectorIndex =
    vectorStore.kind === 'none' ? undefined : createChromaVectorIndex({ url: vectorUrl, embedderId: options.embedder.id });
  const knowledgeBase = createKnowledgeBase({
    documents: options.documents,
    analyse: options.analyse,
    embedder: options.embedder,
    vectorIndex,
    logger,
    weights: options.weights ?? defaultFusionWeights,
    rerankWeights: defaultRerankWeights,
    threshold: options.threshold ?? defaultRelevanceThreshold,
    expandQuery: options.expandQuery === undefined ? createThesaurus() : (options.expandQuery ?? undefined),
    // Off unless asked for: measured neutral on the everyday sets and one question lower on the 600 policy questions.
    associateQuery: options.associateQuery ?? undefined,
    cueQuery: createQuestionCues(),
    maxChunksPerDocument: limits.maxChunks,
    ...(options.searchCacheEntries !== undefined ? { searchCacheEntries: options.searchCacheEntries } : {}),
  });
  await knowledgeBase.load();
  const vectors = await knowledgeBase.syncVectors();
  // After an unexpected restart the embedded server comes back with its files; check they still match.
  chromaServer?.onStart(() => {
    void knowledgeBase.syncVectors();
  });
  const ingester = createIngester({ knowledgeBase, documents: options.documents, appMeta: options.appMeta, limits });
  const queue = options.queue ? createIngestionQueue({ ...options.queue, ingester, knowledgeBase, logger }) : undefined;
  return {
    knowledgeBase,
    ingester,
    /** Uploads from the admin panel, ingested in the background; started by the server (`queue.start()`). */
    queue,
    vectors,
    vectorUrl,
    chromaServer,
    async close(): Promise<void> {
      // The job being run finishes first, so the database never holds half a document.
      await queue?.stop();
      await chromaServer?.stop();
    },
  };
}

export type Knowledge = Awaited<ReturnType<typeof openKnowledge>>;
