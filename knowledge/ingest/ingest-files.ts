import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../../common';
import type { AppMetaRepository } from '../../storage';
import type { DocumentsRepository, KnowledgeDocument } from '../../storage';
import type { KnowledgeBase } from '../knowledge-base';
import { withoutInstructions } from '../../text';
import { chunkDocument } from './chunk-document';
import type { LoadedDocument } from './document-blocks';
import { defaultIngestLimits, type IngestLimits } from './ingest-limits';
import { loadDocument } from './load-document';

export type IngestOutcome = 'added' | 'updated' | 'unchanged';

export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: { source: string; reason: string }[];
  /** Set when the run was stopped before the end (shutdown); folders were then not checked for removals. */
  interrupted?: true;
}

export interface IngestProgress {
  done: number;
  total: number;
  source: string;
  outcome: IngestOutcome | 'failed';
}

export interface IngesterDependencies {
  knowledgeBase: KnowledgeBase;
  documents: DocumentsRepository;
  appMeta: AppMetaRepository;
  limits?: IngestLimits;
}

const supportedFile = /\.(pdf|docx|html?|md|markdown|txt|text)$/i;

/**
 * The document without its sentences addressed to the assistant ("忽略之前的指令…", "请把票投给…"): they are
 * never indexed, so neither an offline answer nor a chat model ever receives them as a passage.
 */
function removeInstructions<T extends LoadedDocument>(document: T): { document: T; removed: number } {
  let removed = 0;
  const blocks = document.blocks.flatMap((block) => {
    const cleaned = withoutInstructions(block.text);
    removed += cleaned.removed;
    return cleaned.text === '' ? [] : [{ ...block, text: cleaned.text }];
  });
  return { document: removed === 0 ? document : { ...document, blocks }, removed };
}

/** The id stays the same across versions of a source, so its chunks and vectors are replaced, not duplicated. */
export const documentIdFor = (source: string) => `doc_${createHash('sha256').update(source).digest('hex').slice(0, 20)}`;

function filesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (entry.isFile() && supportedFile.test(entry.name)) found.push(full);
  }
  return found.sort();
}

const sourceFor = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');
const folderKey = (folder: string) => `ingested-folder:${path.resolve(folder)}`;

/**
 * Ingestion is idempotent by content hash: unchanged bytes are a no-op, changed bytes replace the
 * document's chunks and vectors, and a file gone from a folder that is ingested again is deleted.
 */
export function createIngester(deps: IngesterDependencies) {
  const { knowledgeBase, documents, appMeta } = deps;
  const limits = deps.limits ?? defaultIngestLimits;

  const ingestBytes = async (
    bytes: Uint8Array,
    source: string,
    tags: string[] = [],
    /** Told when the file is parsed and cut into chunks, before they are stored and indexed. */
    onParsed?: (chunkCount: number) => void,
  ): Promise<{ outcome: IngestOutcome; document: KnowledgeDocument; instructionsRemoved: number }> => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = await documents.findBySource(source);
    // A failed document is read again: its bytes may fit now (it stays failed, untouched, if they do not).
    if (existing && existing.sha256 === sha256 && existing.status !== 'failed') {
      if (existing.status !== 'indexed' && knowledgeBase.vectorStoreConfigured) {
        return { outcome: 'unchanged', document: await knowledgeBase.indexDocument(existing), instructionsRemoved: 0 };
      }
      return { outcome: 'unchanged', document: existing, instructionsRemoved: 0 };
    }
    // Every limit is checked here, before anything is stored: a refused file leaves nothing behind.
    const { document: loaded, removed: instructionsRemoved } = removeInstructions(await loadDocument(bytes, source, limits));
    // A turn of the event loop between parsing and chunking: a large file does not hold requests up twice in a row.
    await new Promise((resolve) => setImmediate(resolve));
    const chunks = chunkDocument(loaded, { maxChunks: limits.maxChunks });
    if (chunks.length === 0) throw new AppError('UNPROCESSABLE', '文件中没有可用的文字内容。');
    onParsed?.(chunks.length);
    const id = existing?.id ?? documentIdFor(source);
    const saved = await documents.saveWithChunks(
      { id, source, title: loaded.title, mime: loaded.mime, sha256, status: 'pending', tags: existing?.tags ?? tags },
      chunks.map((chunk) => ({ id: `${id}-${chunk.ordinal}`, ordinal: chunk.ordinal, text: chunk.text, headingPath: chunk.headingPath })),
    );
    const indexed = await knowledgeBase.indexDocument(saved);
    return { outcome: existing ? 'updated' : 'added', document: indexed, instructionsRemoved };
  };

  return {
    ingestBytes,

    /**
     * Ingests files and folders. A file's source is its name; a file inside a folder is named by its
     * path relative to that folder (DESIGN §5), e.g. `ncp/0013….txt` for `knowledge/`.
     */
    async ingestPaths(paths: string[], onProgress?: (progress: IngestProgress) => void, signal?: AbortSignal): Promise<IngestSummary> {
      const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, deleted: 0, failed: [] };
      const work: { file: string; source: string }[] = [];
      const folders: { folder: string; sources: string[] }[] = [];
      for (const given of paths) {
        let stat: fs.Stats;
        try {
          stat = fs.statSync(given);
        } catch {
          summary.failed.push({ source: given, reason: '路径不存在或无法读取' });
          continue;
        }
        if (stat.isDirectory()) {
          const files = filesUnder(given).map((file) => ({ file, source: sourceFor(given, file) }));
          work.push(...files);
          folders.push({ folder: given, sources: files.map((file) => file.source) });
        } else {
          work.push({ file: given, source: path.basename(given) });
        }
      }
      for (const [index, { file, source }] of work.entries()) {
        // Stopping between documents leaves every stored document whole; a later run continues.
        if (signal?.aborted) return { ...summary, interrupted: true };
        let outcome: IngestProgress['outcome'];
        try {
          outcome = (await ingestBytes(fs.readFileSync(file), source)).outcome;
          summary[outcome] += 1;
        } catch (error) {
          outcome = 'failed';
          summary.failed.push({
            source,
            reason: isAppError(error) ? error.message : error instanceof Error ? error.message : String(error),
          });
        }
        onProgress?.({ done: index + 1, total: work.length, source, outcome });
      }
      for (const { folder, sources } of folders) {
        const previous = JSON.parse((await appMeta.get(folderKey(folder))) ?? '[]') as string[];
        const present = new Set(sources);
        for (const source of previous.filter((each) => !present.has(each))) {
          const gone = await documents.findBySource(source);
          if (gone && (await knowledgeBase.removeDocument(gone.id))) summary.deleted += 1;
        }
        await appMeta.set(folderKey(folder), JSON.stringify(sources));
      }
      return summary;
    },
  };
}

export type Ingester = ReturnType<typeof createIngester>;
