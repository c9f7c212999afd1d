import path from 'node:path';
import { composePolicyAnswer, createXiaoning, type Xiaoning, type XiaoningDependencies } from '../bot';
import { createAppealQueries } from '../hotline/appeals/appeal-queries';
import { createVoting } from '../hotline/polls/voting';
import { createTokenizer } from '../text/tokenizer';
import { createTestApp } from './support/test-app';

jest.setTimeout(180_000);

/**
 * The offline model answers without the agent graph (bot/offline-turn.ts): the same conversation through the
 * graph and through the offline turn must give the same answers, tool calls, sources, suggestions and pages,
 * streamed or not, including when a tool fails.
 */
describe('the offline turn answers as the agent graph does (demo data and laws)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  const tokenizer = createTokenizer();
  const build = (offlineThroughGraph: boolean, overrides: Partial<XiaoningDependencies> = {}): Xiaoning =>
    createXiaoning({
      repositories: testApp.services.repositories,
      voting: createVoting({ polls: testApp.services.repositories.polls, units: testApp.services.repositories.units }),
      appeals: createAppealQueries({ repositories: testApp.services.repositories }),
      tokenizer,
      composePolicy: composePolicyAnswer,
      messagesPerConversationPerMinute: 0,
      searchPolicies: (query, k) => testApp.knowledge!.knowledgeBase.searchPassages(query, { k }),
      offlineThroughGraph,
      ...overrides,
    });

  beforeAll(async () => {
    testApp = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '0', VECTOR_STORE: 'off' }, { knowledge: true, demoData: true });
    await testApp.knowledge!.ingester.ingestPaths([
      path.resolve(__dirname, '../data/demo/knowledge/laws/住房公积金管理条例(2019-03-24).md'),
    ]);
  });
  afterAll(async () => {
    await testApp.close();
  });

  // One conversation over every kind of turn: greeting, policy, data tools, a follow-up, a vote asked about
  // (not cast), an emergency, out of scope.
  const conversation = [
    '你好',
    '住房公积金在什么情况下可以提取？',
    '下一期谁接线',
    '霞浦县最近有哪些诉求',
    '那蕉城区呢',
    '卫生健康方面的诉求有多少',
    '这次可以投哪些单位',
    '燃气泄漏了怎么办',
    '我想反映小区噪音问题',
    '今天天气怎么样',
  ];

  it('gives the same results turn by turn, asked whole and streamed', async () => {
    for (const streamed of [false, true]) {
      const results: Record<string, unknown>[][] = [];
      for (const [index, xiaoning] of [build(true), build(false)].entries()) {
        const turns: Record<string, unknown>[] = [];
        let conversationId: string | undefined;
        for (const message of conversation) {
          const input = { channel: 'test', userId: `same-${String(streamed)}-${index}`, message, conversationId };
          let deltas = '';
          let result;
          if (streamed) {
            for await (const event of xiaoning.stream(input)) {
              if (event.type === 'delta') deltas += event.text;
              else result = event.result;
            }
            expect(deltas).toBe(result!.answer);
          } else result = await xiaoning.ask(input);
          conversationId = result!.conversationId;
          const { conversationId: _id, ...rest } = result!;
          turns.push(rest);
        }
        results.push(turns);
      }
      const [throughGraph, offlineTurn] = results;
      expect(offlineTurn).toEqual(throughGraph);
      // The conversation did what it says: a cited policy answer, data tools, the emergency numbers.
      expect(offlineTurn![1]).toMatchObject({ toolCalls: ['search_policies'], refused: false });
      expect(offlineTurn![3]).toMatchObject({ toolCalls: ['search_past_appeals'] });
      expect(offlineTurn![7]!.answer).toContain('119');
    }
  });

  it('answers a failing tool alike', async () => {
    const failing = { searchPolicies: () => Promise.reject(new Error('knowledge base unavailable')) };
    const [throughGraph, offlineTurn] = await Promise.all(
      [build(true, failing), build(false, failing)].map((xiaoning, index) =>
        xiaoning.ask({ channel: 'test', userId: `failing-${index}`, message: '住房公积金在什么情况下可以提取？' }),
      ),
    );
    const { conversationId: _graph, ...graphResult } = throughGraph!;
    const { conversationId: _turn, ...turnResult } = offlineTurn!;
    expect(turnResult).toEqual(graphResult);
    expect(turnResult.toolCalls).toEqual(['search_policies']);
    expect(turnResult.answer).not.toContain('knowledge base unavailable');
  });
});
