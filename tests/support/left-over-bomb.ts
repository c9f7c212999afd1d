import { createHash } from 'node:crypto';
import type { Repositories } from '../../storage/repositories';
import { chunkDocument } from '../../knowledge/ingest/chunk-document';
import { documentIdFor } from '../../knowledge/ingest/ingest-files';
import { defaultIngestLimits } from '../../knowledge/ingest/ingest-limits';
import { loadDocument } from '../../knowledge/ingest/load-document';
import { makeZipBomb } from './make-zip-bomb';

/**
 * The state the reported zip bomb left in the database of a version without ingestion limits: the document
 * stored as pending with every chunk (the process then ran out of memory embedding them, and again at every
 * start). The same shape — one run of a letter cut into 400-character chunks — scaled to 500 chunks over the
 * limit, so that the test stays fast.
 */
export async function storeLeftOverBomb(repositories: Repositories, source = 'uploads/bomb.docx') {
  const chunkCount = defaultIngestLimits.maxChunks + 500;
  const bytes = await makeZipBomb({ inflatedBytes: 400 * chunkCount });
  const unlimited = { ...defaultIngestLimits, maxTextCharacters: Infinity };
  const loaded = await loadDocument(bytes, source, unlimited);
  const chunks = chunkDocument(loaded);
  const id = documentIdFor(source);
  await repositories.documents.saveWithChunks(
    {
      id,
      source,
      title: loaded.title,
      mime: loaded.mime,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      status: 'pending',
      tags: [],
    },
    chunks.map((chunk) => ({ id: `${id}-${chunk.ordinal}`, ordinal: chunk.ordinal, text: chunk.text, headingPath: chunk.headingPath })),
  );
  return { id, source, bytes, chunkCount: chunks.length };
}
