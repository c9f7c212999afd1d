import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../../tests/fakes/fake-openai-server';
import { createQueryRewriter, termsOfRewrite } from './rewrite-query';

describe('createQueryRewriter against the local fake OpenAI-compatible server', () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(() => server.close());

  it('asks the chat model for official terms and returns the terms of its answer', async () => {
    const rewrite = createQueryRewriter({ baseUrl: server.baseUrl, apiKey: 'test-key', model: 'fake-model' });
    const terms = await rewrite('失业金怎么领');
    const request = server.requests.at(-1)!;
    expect(request.path).toMatch(/\/chat\/completions$/);
    expect(request.authorization).toBe('Bearer test-key');
    const body = request.body as { model: string; messages: { role: string; content: string }[] };
    expect(body.model).toBe('fake-model');
    expect(body.messages[0]!.content).toContain('正式术语');
    expect(body.messages.at(-1)!.content).toBe('失业金怎么领');
    // The fake model echoes the question after a lead-in; its words come back as terms.
    expect(terms).toEqual(expect.arrayContaining(['失业金怎么领']));
    expect(terms.length).toBeLessThanOrEqual(12);
  });

  it('returns no terms when the model fails, so retrieval goes on with the thesaurus alone', async () => {
    const rewrite = createQueryRewriter({ baseUrl: server.baseUrl, model: 'fake-model' });
    server.failNext(503);
    expect(await rewrite('社保怎么转移')).toEqual([]);
  });
});

describe('termsOfRewrite', () => {
  it('keeps short Chinese terms once each and drops punctuation, numbers and long runs', () => {
    expect(termsOfRewrite('失业保险金、领取条件， 失业保险金\n1. 失业登记')).toEqual(['失业保险金', '领取条件', '失业登记']);
    expect(termsOfRewrite('hello world')).toEqual([]);
    expect(termsOfRewrite('这是一段很长很长很长很长很长很长很长很长的解释性文字而不是术语')).toEqual([]);
  });
});
