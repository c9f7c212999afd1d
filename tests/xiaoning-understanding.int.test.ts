import os from 'node:os';
import { createAppealQueries } from '../hotline/appeals/appeal-queries';
import { createVoting } from '../hotline/polls/voting';
import { createTokenizer } from '../text/tokenizer';
import { loadConfig } from '../server/config';
import { createXiaoningFor } from '../server/services';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './fakes/fake-openai-server';
import { httpChatVisitor } from './support/http-chat-visitor';
import { createTestApp } from './support/test-app';

jest.setTimeout(120_000);

/**
 * Issue 13: the journeys of the seed as citizens phrase them — routing, emergencies, and answers that name
 * what they understood — through POST /api/chat with the offline model and the demo data.
 */
describe('Xiaoning understands everyday phrasing (offline model, demo data)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    testApp = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '0', VECTOR_STORE: 'off' }, { knowledge: true, demoData: true });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const visitor = () => httpChatVisitor(testApp.app);

  it('霞浦县最近有哪些诉求？ → the county’s past appeals, named back', async () => {
    const reply = await visitor()('霞浦县最近有哪些诉求？');
    expect(reply.toolCalls).toEqual(['search_past_appeals']);
    expect(reply.refused).toBe(false);
    expect(reply.answer).toContain('霞浦县');
    // The column's 往期回顾 for the same unit.
    expect(reply.pages).toEqual([{ label: '在栏目“往期回顾”查看', path: '/appeals?unit=xpx' }]);
  });

  it('宁德市住建局的诉求 → the bureau’s past appeals, named back', async () => {
    const reply = await visitor()('宁德市住建局的诉求');
    expect(reply.toolCalls).toEqual(['search_past_appeals']);
    expect(reply.answer).toContain('宁德市住房和城乡建设局');
    // 宁德市 is the column's city, not a keyword: the bureau's appeals are found.
    expect(reply.answer).toMatch(/宁德市住房和城乡建设局的往期诉求共\d+条/);
  });

  it('蕉城区上个月的诉求 → the district’s appeals of last month, unit and month named back', async () => {
    const reply = await visitor()('蕉城区上个月的诉求');
    expect(reply.toolCalls).toEqual(['search_past_appeals']);
    expect(reply.answer).toContain('蕉城区');
    expect(reply.answer).toMatch(/\d{4}年\d{1,2}月/);
  });

  it('卫生健康方面的诉求有多少 → that category’s figures and its type distribution', async () => {
    const reply = await visitor()('卫生健康方面的诉求有多少');
    expect(reply.toolCalls).toEqual(['get_appeal_statistics']);
    expect(reply.answer).toMatch(/卫生健康类的诉求共\d+件/);
    expect(reply.answer).toContain('按类型');
    expect(reply.answer).not.toContain('城乡建设');
    expect(reply.pages).toEqual([
      { label: '在栏目“诉求数据分析”查看图表', path: `/stats?${new URLSearchParams({ category: '卫生健康' }).toString()}` },
    ]);
  });

  it('a unit’s statistics give its total and type distribution', async () => {
    const reply = await visitor()('霞浦县的诉求有多少件');
    expect(reply.toolCalls).toEqual(['get_appeal_statistics']);
    expect(reply.answer).toMatch(/霞浦县人民政府的诉求共\d+件/);
    expect(reply.answer).toContain('按类型');
  });

  it.each([['怎么投诉噪音扰民'], ['我想反映小区噪音问题']])(
    '%s → how to raise it (12345, 我要留言, WeChat), never refused',
    async (message) => {
      const reply = await visitor()(message);
      expect(reply.toolCalls).toEqual(['search_policies']);
      expect(reply.refused).toBe(false);
      for (const words of ['12345', '我要留言', '微信']) expect(reply.answer).toContain(words);
      expect(reply.answer).not.toContain('不在我能回答的范围内');
    },
  );

  it('燃气泄漏了怎么办 → the emergency numbers and the gas safe action first, never refused', async () => {
    const reply = await visitor()('燃气泄漏了怎么办');
    expect(reply.refused).toBe(false);
    expect(reply.answer.startsWith('紧急情况请立即拨打：火警119，报警110，急救120。')).toBe(true);
    for (const words of ['离开', '不要开关电灯', '燃气公司', '不要等待在线回复']) expect(reply.answer).toContain(words);
    expect(reply.answer).not.toContain('不在我能回答的范围内');
  });

  it.each([['我想了解一下低保政策'], ['失业金怎么领'], ['社保怎么转移'], ['保障房的申请条件是什么']])(
    '%s → search_policies',
    async (message) => {
      const reply = await visitor()(message);
      expect(reply.toolCalls).toEqual(['search_policies']);
    },
  );

  it('says back the unit when nothing is coming, with the last session', async () => {
    const reply = await visitor()('霞浦县什么时候有领导接线？');
    expect(reply.toolCalls).toEqual(['get_hotline_previews']);
    expect(reply.answer).toContain('霞浦县人民政府近期还没有领导接线安排');
    expect(reply.answer).toContain('最近一次是');
    const never = await visitor()('柘荣县近期有接线吗');
    expect(never.answer).toContain('柘荣县人民政府近期还没有领导接线安排');
  });

  it('says back a unit that is not a candidate, with the ones that are', async () => {
    const reply = await visitor()('我投医保局');
    expect(reply.toolCalls).toEqual(['cast_vote']);
    expect(reply.answer).toContain('宁德市医疗保障局不是本期候选单位');
    expect(reply.answer).toContain('可以投');
  });

  it('keeps follow-ups working: 那霞浦县呢？ after a unit’s appeals', async () => {
    const say = visitor();
    await say('住建局的诉求');
    const followUp = await say('那霞浦县呢？');
    expect(followUp.toolCalls).toEqual(['search_past_appeals']);
    expect(followUp.answer).toContain('霞浦县');
  });
});

describe('Emergencies with an OpenAI-compatible model (fake server on 127.0.0.1)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let server: FakeOpenAiServer;
  const build = (baseUrl: string) => {
    const { repositories } = testApp.services;
    return createXiaoningFor(loadConfig({ DATA_DIR: os.tmpdir(), OPENAI_BASE_URL: baseUrl, CHAT_MODEL: 'qwen-plus' }), {
      repositories,
      voting: createVoting({ polls: repositories.polls, units: repositories.units }),
      appeals: createAppealQueries({ repositories }),
      knowledge: testApp.knowledge,
      tokenizer: createTokenizer(),
    });
  };
  beforeAll(async () => {
    testApp = await createTestApp({ VECTOR_STORE: 'off' }, { knowledge: true, demoData: true });
    server = await startFakeOpenAiServer();
  });
  afterAll(async () => {
    await server.close();
    await testApp.close();
  });

  it('sends a system prompt with the rules: emergency first, name back, cite, refuse without a source, how to raise a problem', async () => {
    await build(server.baseUrl).ask({ channel: 'test', userId: 'p1', message: '住房公积金在什么情况下可以提取？' });
    const first = server.requests.find((each) => each.path === '/v1/chat/completions')!.body as { messages: { role: string }[] };
    expect(first.messages[0]!.role).toBe('system');
    const prompt = JSON.stringify(first.messages[0]);
    for (const words of ['火警119', '报警110', '急救120', '绝不能拒绝', '说出你理解的内容', '标注来源编号', 'found 为 false', '我要留言'])
      expect(prompt).toContain(words);
  });

  it('streams the emergency numbers first, before the model’s answer, and keeps them when the model is unreachable', async () => {
    const deltas: string[] = [];
    let done: { answer: string; refused: boolean } | undefined;
    for await (const event of build(server.baseUrl).stream({ channel: 'test', userId: 'p2', message: '家里燃气泄漏了，怎么办' })) {
      if (event.type === 'delta') deltas.push(event.text);
      else done = event.result;
    }
    expect(deltas[0]).toContain('火警119');
    expect(done!.answer.startsWith('紧急情况请立即拨打')).toBe(true);
    expect(done!.answer).toContain('根据查到的资料');
    expect(done!.refused).toBe(false);

    const offline = await build('http://127.0.0.1:9/v1').ask({ channel: 'test', userId: 'p3', message: '楼下着火了' });
    expect(offline.answer).toContain('火警119');
    expect(offline.refused).toBe(false);
  });
});
