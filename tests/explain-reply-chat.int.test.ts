import request from 'supertest';
import { httpChatVisitor } from './support/http-chat-visitor';
import { createTestApp } from './support/test-app';

jest.setTimeout(120_000);

interface ListedAppeal {
  id: string;
  title: string;
  status: string;
  hasReply: boolean;
}

/**
 * Issue 15: "Xiaoning can be asked to explain a reply" — through POST /api/chat with the offline model and
 * the demo data: the explanation is the same AI详解 as GET /api/appeals/:id/explanation, for the appeal the
 * person points at, and nothing is guessed when they point at none or at one without a published reply.
 */
describe('Xiaoning explains a published reply in the conversation', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    testApp = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '0', VECTOR_STORE: 'off' }, { knowledge: true, demoData: true });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const visitor = () => httpChatVisitor(testApp.app);

  /** The list the person was shown: search_past_appeals asks for page 1 of 5, newest first. */
  const listed = async (query: Record<string, string>): Promise<ListedAppeal[]> =>
    (
      await request(testApp.app)
        .get('/api/appeals')
        .query({ ...query, page: 1, pageSize: 5 })
        .expect(200)
    ).body.items;

  const explanationOf = async (id: string) =>
    (
      await request(testApp.app)
        .get(`/api/appeals/${encodeURIComponent(id)}/explanation`)
        .expect(200)
    ).body as {
      title: string;
      points: { heading: string; text: string }[];
      notice: string;
    };

  it('explains "第N条" of the list just shown with the points of AI详解, and links the appeal’s page', async () => {
    const items = await listed({ unitId: 'xpx' });
    const position = items.findIndex((item) => item.hasReply) + 1;
    expect(position).toBeGreaterThan(0);
    const appeal = items[position - 1]!;
    const ask = visitor();
    const list = await ask('霞浦县最近有哪些诉求？');
    expect(list.toolCalls).toEqual(['search_past_appeals']);

    const reply = await ask(`第${position}条的答复是什么意思？`);
    expect(reply.toolCalls).toEqual(['explain_appeal_reply']);
    expect(reply.refused).toBe(false);
    const explanation = await explanationOf(appeal.id);
    expect(explanation.points.length).toBeGreaterThan(0);
    expect(reply.answer).toContain(`“${explanation.title}”的答复`);
    for (const point of explanation.points) expect(reply.answer).toContain(`${point.heading}：${point.text}`);
    expect(reply.answer).toContain(explanation.notice);
    expect(reply.pages).toEqual([{ label: '在栏目查看这条诉求和AI详解', path: `/appeals/${encodeURIComponent(appeal.id)}` }]);
  });

  it('says the reply is not published yet for an appeal without one, and explains nothing', async () => {
    const items = await listed({});
    const position = items.findIndex((item) => !item.hasReply) + 1;
    expect(position).toBeGreaterThan(0);
    const appeal = items[position - 1]!;
    const ask = visitor();
    await ask('最近大家都反映了哪些诉求？');
    const reply = await ask(`帮我解读一下第${position}条的回复`);
    expect(reply.toolCalls).toEqual(['explain_appeal_reply']);
    expect(reply.answer).toContain('答复还没有公开');
    expect(reply.answer).toContain(appeal.status);
    expect(reply.answer).not.toContain('办理结果：');
  });

  it('asks which appeal is meant when nothing points at one, instead of picking one', async () => {
    const reply = await visitor()('这个答复说的到底是什么意思？');
    expect(reply.toolCalls).toEqual(['explain_appeal_reply']);
    expect(reply.answer).toContain('您想让我解读哪一条诉求的答复');
    expect(reply.answer).not.toContain('办理结果：');
    expect(reply.pages).toEqual([]);
  });

  it('explains an appeal named by its unit and subject without a list before', async () => {
    const items = await listed({ unitId: 'xpx' });
    const appeal = items.find((item) => item.hasReply)!;
    const reply = await visitor()('霞浦县的诉求答复我看不懂，帮我解释一下');
    expect(reply.toolCalls).toEqual(['explain_appeal_reply']);
    const explanation = await explanationOf(appeal.id);
    expect(reply.answer).toContain(`“${explanation.title}”的答复`);
  });
});
