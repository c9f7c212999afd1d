import type { CallAnalysis } from '../types';
import { analysisBrief, genericUrgentAdvice, passageName, urgentAdviceOf } from './analysis-brief';

const analysis: CallAnalysis = {
  summary: '小区电梯坏了物业不修',
  category: '城乡建设',
  type: '投诉',
  tags: ['物业服务', '电梯'],
  confidence: 0.9,
  policyBasis: [
    {
      source: 'laws/物业管理条例.md',
      title: '物业管理条例',
      headingPath: ['物业管理条例', '第四章 物业服务', '第三十八条'],
      excerpt: '第三十八条 …',
    },
  ],
  similarCases: [
    { id: 'a1', title: '投诉物业不修电梯', content: '电梯坏了', unitId: 'zjj', replyUnit: '住建局', reply: '已责令物业维修。', score: 0.2 },
  ],
  suggestedHandling: [{ caseId: 'a1', caseTitle: '投诉物业不修电梯', quote: '已责令物业维修。' }],
};

describe('the plain-text brief of an analysis (复制)', () => {
  it('holds every part in the order shown, with the law and article of each passage', () => {
    const brief = analysisBrief(analysis, '我们小区电梯坏了');
    expect(brief.split('\n')).toEqual([
      '【来电分析】',
      '来电内容：我们小区电梯坏了',
      '摘要：小区电梯坏了物业不修',
      '类别：城乡建设',
      '类型：投诉',
      '标签：物业服务、电梯',
      '政策依据：',
      '- 物业管理条例 › 第四章 物业服务 › 第三十八条：第三十八条 …',
      '相似案例：',
      '- 投诉物业不修电梯（住建局答复）',
      '  答复：已责令物业维修。',
      '参考办理：',
      '- “已责令物业维修。”（出自：投诉物业不修电梯）',
    ]);
    expect(passageName({ title: '物业管理条例', headingPath: ['第三十八条'] })).toBe('物业管理条例 › 第三十八条');
  });

  it('says 暂无 for an empty part and puts 紧急件 first, with the advice given or the emergency numbers', () => {
    const urgent = { ...analysis, type: '紧急件', policyBasis: [], similarCases: [], suggestedHandling: [] };
    const brief = analysisBrief(urgent, '燃气泄漏了');
    expect(brief.split('\n').slice(1, 3)).toEqual(['紧急件！', `- ${genericUrgentAdvice}`]);
    expect(brief.match(/暂无/g)).toHaveLength(3);
    expect(urgentAdviceOf({ ...urgent, urgentAdvice: ['立即离开，到室外拨打119'] })).toEqual(['立即离开，到室外拨打119']);
    expect(urgentAdviceOf({ ...urgent, urgentAdvice: null })).toEqual([genericUrgentAdvice]);
  });
});
