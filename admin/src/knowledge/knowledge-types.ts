/** What the 知识库 page reads from /api/admin/knowledge (server/routes/knowledge-admin-routes.ts). */

export type JobStage = 'queued' | 'parsing' | 'indexing' | 'indexed' | 'failed';

export interface UploadJob {
  id: string;
  source: string;
  fileName: string;
  sizeBytes: number;
  stage: JobStage;
  failureReason: string | null;
  documentId: string | null;
  chunkCount: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface KnowledgeDocumentItem {
  id: string;
  source: string;
  title: string;
  mime: string;
  status: 'pending' | 'indexed' | 'failed';
  chunkCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReindexState {
  state: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  message: string | null;
}

export interface HitTestResult {
  threshold: number;
  mode: 'hybrid' | 'lexical';
  items: {
    documentId: string;
    source: string;
    title: string;
    headingPath: string[];
    excerpt: string;
    score: number;
    coverage: number;
    passes: boolean;
  }[];
}

export interface DocumentChunks {
  document: { id: string; source: string; title: string; status: string; chunkCount: number };
  chunks: { ordinal: number; headingPath: string[]; text: string }[];
}

/** The words an administrator reads for each stage (排队中, 解析中, 已入库, 失败). */
export const stageWords: Record<JobStage, string> = {
  queued: '排队中',
  parsing: '解析中',
  indexing: '解析中（建立索引）',
  indexed: '已入库',
  failed: '失败',
};

/** Overall progress of one file: uploading is the first half, the queue's stages the rest. */
export const stagePercent: Record<JobStage, number> = { queued: 60, parsing: 75, indexing: 90, indexed: 100, failed: 100 };
