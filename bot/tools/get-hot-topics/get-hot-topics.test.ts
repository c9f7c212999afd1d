import type { ToolDependencies } from '../tool-context';
import { getHotTopics } from './get-hot-topics';

type Assistant = NonNullable<ToolDependencies['assistant']>;
type Topics = Awaited<ReturnType<Assistant['hotTopics']>>;

const topics: Topics = [
  {
    topic: '物业服务',
    dutyTopic: '物业服务',
    count: 12,
    latestAt: '2026-11-20T00:00:00.000Z',
    summary: '群众反映小区电梯长期停运，要求物业尽快维修。',
    keywords: ['电梯'],
    appeals: [],
  },
];

/** A hand-written assistant and units repository that record what they were asked. */
function fakes() {
  const asked: string[] = [];
  const assistant: Assistant = {
    analyze: async () => {
      throw new Error('not used');
    },
    hotTopics: async (unitId) => {
      asked.push(unitId);
      return topics;
    },
  };
  const units = { get: async (id: string) => (id === 'zjj' ? { id, name: '宁德市住房和城乡建设局' } : undefined) };
  return { asked, deps: { assistant, repositories: { units } } as unknown as ToolDependencies };
}

const context = (role: 'citizen' | 'official' | 'admin', unitId?: string) => ({
  context: { channel: 'web', userId: 'v1', identityEstablished: true, voteConsent: 'none', role, ...(unitId ? { unitId } : {}) },
});
const turn = { question: '', composePolicy: () => ({ answer: '', cited: [] }) };
const run = async (deps: ToolDependencies, args: Record<string, unknown>, runtime: ReturnType<typeof context>) =>
  getHotTopics.renderResult((await getHotTopics.createTool(deps).invoke(args, runtime as never)) as string, turn)!;

describe('get_hot_topics', () => {
  it('refuses a citizen politely, without reading any topic', async () => {
    const { asked, deps } = fakes();
    expect(await run(deps, { unitId: 'zjj' }, context('citizen'))).toBe(
      '这项功能只对接线工作人员开放。您可以问我政策问题、往期诉求、接线预告或征集投票。',
    );
    expect(asked).toEqual([]);
  });

  it('gives an official their own unit’s topics with counts and summaries, and only their own', async () => {
    const { asked, deps } = fakes();
    expect(await run(deps, {}, context('official', 'zjj'))).toBe(
      '宁德市住房和城乡建设局近期的高频诉求：\n1. 物业服务（12件）：群众反映小区电梯长期停运，要求物业尽快维修。',
    );
    expect(await run(deps, { unitId: 'gjj' }, context('official', 'zjj'))).toBe('您只能查看本单位的高频诉求。');
    expect(asked).toEqual(['zjj']);
  });

  it('lets an administrator name any unit, and asks which one when none is named', async () => {
    const { asked, deps } = fakes();
    expect(await run(deps, {}, context('admin'))).toContain('请告诉我要看哪个单位');
    expect(await run(deps, { unitId: 'zjj' }, context('admin'))).toContain('物业服务（12件）');
    expect(asked).toEqual(['zjj']);
  });
});
