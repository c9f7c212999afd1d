import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createChromaServer } from './chroma-server';
import { createChromaVectorIndex } from './chroma-vector-index';
import { vectorIndexContract } from './vector-index.contract';

jest.setTimeout(60_000);

const logger = { info: () => undefined, warn: () => undefined };

vectorIndexContract(
  'Chroma (a real server on 127.0.0.1)',
  async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-vector-index-'));
    const server = createChromaServer({ directory, logger });
    await server.start();
    const url = () => server.url;
    return {
      index: createChromaVectorIndex({ url, embedderId: 'contract-embedder', collectionName: 'contract' }),
      otherEmbedder: () => createChromaVectorIndex({ url, embedderId: 'another-embedder', collectionName: 'contract' }),
      close: async () => {
        await server.stop();
        fs.rmSync(directory, { recursive: true, force: true });
      },
    };
  },
  { persistent: true },
);

describe('Chroma vector index', () => {
  it('fails at once while the server is down, so search falls back to BM25', async () => {
    const index = createChromaVectorIndex({ url: () => undefined, embedderId: 'contract-embedder' });
    await expect(index.query([1, 0, 0, 0], 5)).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { reason: 'vector store is down' },
    });
  });
});
