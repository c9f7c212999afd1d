import net, { type AddressInfo } from 'node:net';
import { startFakeOpenAiServer } from '../../tests/fakes/fake-openai-server';
import { chatModelContract } from './chat-model.contract';
import { createChatModel } from './chat-model-factory';

const unusedOffline = () => {
  throw new Error('the offline model is not used here');
};

chatModelContract('OpenAI-compatible (fake server on 127.0.0.1)', async () => {
  const server = await startFakeOpenAiServer();
  const { model, kind } = createChatModel(
    { baseUrl: server.baseUrl, apiKey: 'test-key', model: 'qwen-plus' },
    { router: { route: unusedOffline }, units: unusedOffline, composePolicy: unusedOffline, segment: unusedOffline },
  );
  expect(kind).toBe('openai-compatible');
  return { model, close: server.close };
});

describe('OpenAI-compatible model: retries and timeout', () => {
  const offline = { router: { route: unusedOffline }, units: unusedOffline, composePolicy: unusedOffline, segment: unusedOffline };

  it('retries with backoff after 503 and 502, then answers', async () => {
    const server = await startFakeOpenAiServer();
    try {
      server.failNext(503, 502);
      const { model } = createChatModel({ baseUrl: server.baseUrl, maxRetries: 2 }, offline);
      const started = Date.now();
      const reply = await model.invoke('你好');
      expect(typeof reply.content).toBe('string');
      expect(server.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(3);
      // The client waits between attempts instead of hammering a struggling service.
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    } finally {
      await server.close();
    }
  });

  it('gives up after the timeout when the service accepts but never answers', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const { model } = createChatModel({ baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 500, maxRetries: 0 }, offline);
      const started = Date.now();
      await expect(model.invoke('你好')).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      silent.close();
    }
  });
});
