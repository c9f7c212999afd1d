import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../tests/fakes/fake-openai-server';
import { isAppError } from '../../common';
import { embedderContract } from './embedder.contract';
import { createOpenAiEmbedder } from './openai-embedder';

embedderContract('OpenAI-compatible (fake server on 127.0.0.1)', async () => {
  const server = await startFakeOpenAiServer();
  return {
    embedder: createOpenAiEmbedder({ baseUrl: server.baseUrl, apiKey: 'test-key', model: 'bge-m3', batchSize: 64 }),
    close: server.close,
  };
});

describe('OpenAI-compatible embedder', () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(() => server.close());

  it('sends the model, the key and batches of at most batchSize texts', async () => {
    server.requests.length = 0;
    const embedder = createOpenAiEmbedder({ baseUrl: server.baseUrl, apiKey: 'secret', model: 'bge-m3', batchSize: 4 });
    await embedder.embed(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    expect(server.requests.map((request) => (request.body as { input: string[] }).input.length)).toEqual([4, 4, 2]);
    expect(server.requests.every((request) => request.path === '/v1/embeddings' && request.authorization === 'Bearer secret')).toBe(true);
    expect((server.requests[0]!.body as { model: string }).model).toBe('bge-m3');
  });

  it('retries 429 and 5xx answers with backoff, then succeeds', async () => {
    server.requests.length = 0;
    server.failNext(503, 429);
    const embedder = createOpenAiEmbedder({ baseUrl: server.baseUrl, model: 'bge-m3', backoffMs: 5 });
    expect(await embedder.embed(['住房公积金'])).toHaveLength(1);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the attempts with a Chinese service-unavailable error', async () => {
    server.failNext(500, 500, 500);
    const embedder = createOpenAiEmbedder({ baseUrl: server.baseUrl, model: 'bge-m3', attempts: 3, backoffMs: 1 });
    const failure = await embedder.embed(['低保']).catch((error: unknown) => error);
    expect(isAppError(failure) && failure.code === 'SERVICE_UNAVAILABLE' && failure.message).toBe('向量模型服务暂时无法访问，请稍后再试。');
  });

  it('does not retry a 4xx other than 429', async () => {
    server.requests.length = 0;
    server.failNext(401);
    const embedder = createOpenAiEmbedder({ baseUrl: server.baseUrl, model: 'bge-m3', backoffMs: 1 });
    await expect(embedder.embed(['低保'])).rejects.toThrow('向量模型服务暂时无法访问');
    expect(server.requests).toHaveLength(1);
  });

  it('reports an unreachable server as unavailable instead of hanging', async () => {
    const embedder = createOpenAiEmbedder({
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'bge-m3',
      attempts: 2,
      backoffMs: 1,
      timeoutMs: 2000,
    });
    await expect(embedder.embed(['低保'])).rejects.toThrow('向量模型服务暂时无法访问');
  });
});
