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
