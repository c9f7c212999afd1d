import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../tests/fakes/fake-openai-server';
import { createAppealExplanations } from './appeal-explanations';
import type { ExplanationMaterial } from './explanation-types';
import { createOpenAiCompletion, modelExplanation } from './model-explanation';
import { supportOf, traceableSupport } from './traceable-sentences';

const material: ExplanationMaterial = {
  appealId: 'a1',
  title: '咨询代课老师补助',
  content: '请问代课老师补助是怎么样的？',
  reply: '代课教师的补助一般由聘用学校或者聘用的县市区教育局具体制定，请您具体向您聘用的学校咨询。',
  replyUnit: '宁德市教育局',
  policies: [],
};

const detailOf = (reply: string | null) => async (id: string) =>
  ({
    id,
    title: material.title,
    content: material.content,
    reply,
    replyUnit: material.replyUnit,
    insights: { relatedPolicies: [] },
  }) as never;

describe('AI详解 with an OpenAI-compatible model (a local fake server)', () => {
  let server: FakeOpenAiServer;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(() => server.close());

  it('keeps the model’s sentences that cite a source and keep to its words, with the quote they rest on', async () => {
    const complete = createOpenAiCompletion({ baseUrl: server.baseUrl, apiKey: 'test-key', model: 'qwen-test' });
    const explanations = createAppealExplanations({ detail: detailOf(material.reply), complete });
    const explanation = await explanations.explain('a1');
    expect(explanation.writtenBy).toBe('model');
    expect(explanation.points.length).toBeGreaterThan(0);
    for (const point of explanation.points) {
      expect(supportOf(point.text, material.reply)).toBeGreaterThanOrEqual(traceableSupport);
      expect(material.reply).toContain(point.quote);
      expect(point.source).toEqual({ kind: 'reply', unit: '宁德市教育局' });
    }
    const request = server.requests.at(-1)!;
    expect(request.authorization).toBe('Bearer test-key');
    const messages = (request.body as { messages: { role: string; content: string }[] }).messages;
    expect(messages[0]!.content).toContain('只能使用材料里的内容');
    expect(messages[1]!.content.startsWith(material.reply)).toBe(true);
  });

  it('drops sentences that cite nothing or bring words of their own', async () => {
    const points = await modelExplanation(material, async () =>
      [
        '办理结果：代课教师的补助由聘用学校或县市区教育局具体制定。[1]',
        '您接下来可以：拨打 0593-1234567 申请一次性补贴五千元。[1]',
        '依据：这是国家统一规定的。',
        '您接下来可以：向您聘用的学校咨询。[9]',
      ].join('\n'),
    );
    expect(points.map((point) => [point.kind, point.text])).toEqual([['decision', '代课教师的补助由聘用学校或县市区教育局具体制定。']]);
  });

  it('explains offline when the model cannot be reached, and refuses (409) before the reply is published', async () => {
    server.failNext(503, 503, 503, 503);
    const complete = createOpenAiCompletion({ baseUrl: server.baseUrl, model: 'qwen-test', timeoutMs: 2000 });
    const warnings: object[] = [];
    const explanations = createAppealExplanations({
      detail: detailOf(material.reply),
      complete,
      logger: { warn: (object) => warnings.push(object) },
    });
    const explanation = await explanations.explain('a1');
    expect(explanation.writtenBy).toBe('offline');
    expect(explanation.points[0]!.quote).toContain('请您具体向您聘用的学校咨询');
    expect(warnings).toHaveLength(1);

    await expect(createAppealExplanations({ detail: detailOf(null) }).explain('a1')).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: expect.stringContaining('答复还没有公开'),
    });
  });
});
