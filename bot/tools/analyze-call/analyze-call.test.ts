import type { ToolDependencies } from '../tool-context';
import { analyzeCall, callTextIn } from './analyze-call';

type Assistant = NonNullable<ToolDependencies['assistant']>;
type Analysis = Awaited<ReturnType<Assistant['analyze']>>;

const analysis: Analysis = {
  summary: '小区电梯损坏一个多月，物业未维修',
  category: '城乡建设',
  type: '投诉',
  tags: ['物业服务'],
  confidence: 0.8,
  urgentAdvice: null,
  policyBasis: [{ source: 'laws/物业管理条例.md', title: '物业管理条例', headingPath: ['第三十五条'], excerpt: '物业服务企业应当…' }],
  similarCases: [
    {
      id: 'a1',
      title: '电梯长期停运',
      content: '…',
      unitId: 'zjj',
      replyUnit: '宁德市住房和城乡建设局',
      reply: '已督促物业公司更换主板，电梯恢复运行。',
      score: 0.4,
    },
  ],
  suggestedHandling: [{ caseId: 'a1', caseTitle: '电梯长期停运', quote: '已督促物业公司更换主板，电梯恢复运行。' }],
};

/** A hand-written assistant that records what it was asked. */
function fakeAssistant() {
  const asked: { text: string; unitId?: string | undefined }[] = [];
  const assistant: Assistant = {
    analyze: async (input) => {
      asked.push(input);
      return analysis;
    },
    hotTopics: async () => [],
  };
  return { asked, assistant };
}

const deps = (assistant?: Assistant) => ({ assistant }) as unknown as ToolDependencies;
const context = (role: 'citizen' | 'official' | 'admin', extra: { callText?: string; unitId?: string } = {}) => ({
  context: { channel: 'web', userId: 'v1', identityEstablished: true, voteConsent: 'none', role, ...extra },
});
const turn = { question: '', composePolicy: () => ({ answer: '', cited: [] }) };
const run = async (assistant: Assistant | undefined, args: Record<string, unknown>, runtime: ReturnType<typeof context>) => {
  const content = (await analyzeCall.createTool(deps(assistant)).invoke(args, runtime as never)) as string;
  return analyzeCall.renderResult(content, turn)!;
};

describe('analyze_call', () => {
  it('refuses a citizen politely, without calling the assistant', async () => {
    const { asked, assistant } = fakeAssistant();
    expect(await run(assistant, { text: '电梯坏了一个月没人修' }, context('citizen'))).toContain('这项功能只对接线工作人员开放');
    expect(asked).toEqual([]);
  });

  it('analyses the text of the message for an official, with their unit, and names the cases and their handling', async () => {
    const { asked, assistant } = fakeAssistant();
    const answer = await run(assistant, { text: '电梯坏了一个月没人修' }, context('official', { unitId: 'zjj' }));
    expect(asked).toEqual([{ text: '电梯坏了一个月没人修', unitId: 'zjj' }]);
    expect(answer).toMatch(/^来电摘要：小区电梯损坏/);
    expect(answer).toContain('《物业管理条例》第三十五条');
    expect(answer).toContain('电梯长期停运（宁德市住房和城乡建设局答复）');
    expect(answer).toContain('· 已督促物业公司更换主板');
  });

  it('uses the console’s 来电内容 when the message has none, and asks for it when there is none either', async () => {
    const { asked, assistant } = fakeAssistant();
    const handled = await run(assistant, { focus: 'handling' }, context('admin', { callText: '楼上漏水物业不管' }));
    expect(asked[0]!.text).toBe('楼上漏水物业不管');
    expect(handled.indexOf('相似案例')).toBeLessThan(handled.indexOf('政策依据'));
    expect(await run(assistant, {}, context('official'))).toContain('请先把来电内容告诉我');
    expect(await run(undefined, { text: '电梯坏了一个月' }, context('official'))).toContain('暂时用不了');
  });

  it('puts 紧急件 and what to tell the caller first', async () => {
    const urgent: Assistant = {
      analyze: async () => ({ ...analysis, type: '紧急件', urgentAdvice: ['请立即拨打119'] }),
      hotTopics: async () => [],
    };
    expect(await run(urgent, { text: '闻到很浓的煤气味' }, context('official'))).toMatch(/^【紧急件】请先告诉来电人：\n请立即拨打119/);
  });

  it('plans the caller’s words after 帮我分析：, and the handling focus for 这个问题以前怎么处理的？', () => {
    expect(callTextIn('帮我分析：我们小区电梯坏了')).toBe('我们小区电梯坏了');
    expect(callTextIn('请分析一下这个来电：公司拖欠工资三个月')).toBe('公司拖欠工资三个月');
    expect(callTextIn('这个问题以前怎么处理的？')).toBeUndefined();
    const slots = { slotText: '', period: {}, segment: (text: string) => [text] };
    expect(analyzeCall.plan({ ...slots, text: '这个问题以前怎么处理的？' })).toEqual({ focus: 'handling' });
    expect(analyzeCall.plan({ ...slots, text: '帮我分析：楼上漏水' })).toEqual({ text: '楼上漏水', focus: 'analysis' });
  });
});
