/** What the knowledge layer offers the layers above it; they import it from here, never from its files. */
export { type Embedder } from './embeddings/embedder';
export { createOfflineEmbedder } from './embeddings/offline-embedder';
export { createOpenAiEmbedder } from './embeddings/openai-embedder';
export { type IngestProgress, type IngestSummary } from './ingest/ingest-files';
export { openKnowledge, type Knowledge } from './open-knowledge';
export {
  type IngestionEvent,
  type IngestionJobView,
  type IngestionQueue,
  type IngestionStage,
  type ReindexState,
} from './ingest/ingestion-queue';
export { checkZipArchive } from './ingest/zip-guard';
export { defaultIngestLimits, type IngestLimits } from './ingest/ingest-limits';
