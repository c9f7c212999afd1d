import { readDemoData } from '../../hotline';
import { createTokenizer } from '../../text';
import { createIntentRouter } from '../intents/intent-router';
import { createUnitFinder } from '../slots/unit-slots';
import { planTurn } from './plan-turn';

/** Tuesday 24 November 2026 in China: 下周 is 30 November to 6 December. */
const now = new Date('2026-11-24T10:00:00+08:00');
const day = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const nextWeek = { from: day('2026-11-30'), to: day('2026-12-07') };

describe('planTurn (offline model: intent, tool and arguments of a user message)', () => {
  const tokenizer = createTokenizer();
  const deps = {
    router: createIntentRouter(),
    units: createUnitFinder(readDemoData().units),
    now,
    segment: (text: string) => tokenizer.contentTokens(text),
  };
  const plan = (text: string, previous: string[] = []) => planTurn(text, previous, deps);

  it('asks for the previews with the unit and the dates of the question', () => {
    expect(plan('住建局下周四来接线吗')).toEqual({
      intent: 'get_hotline_previews',
      toolCall: { name: 'get_hotline_previews', args: { unitId: 'zjj', from: day('2026-12-03'), to: day('2026-12-04') } },
    });
  });

  it('keeps the previews tool for 那霞浦县呢？ after a previews question, with the new unit and the earlier dates', () => {
    expect(plan('那霞浦县呢？', ['下周哪些领导来接听热线？'])).toEqual({
      intent: 'get_hotline_previews',
      toolCall: { name: 'get_hotline_previews', args: { unitId: 'xpx', ...nextWeek } },
    });
    // The earlier question named another unit: the new one replaces it.
    expect(plan('那霞浦县呢？', ['人社局下周什么时候接电话？'])).toEqual({
      intent: 'get_hotline_previews',
      toolCall: { name: 'get_hotline_previews', args: { unitId: 'xpx', ...nextWeek } },
    });
  });

  it('changes the dates of a follow-up and keeps the unit', () => {
    expect(plan('那下个月呢？', ['人社局下周什么时候接电话？'])).toEqual({
      intent: 'get_hotline_previews',
      toolCall: { name: 'get_hotline_previews', args: { unitId: 'rsj', from: day('2026-12-01'), to: day('2027-01-01') } },
    });
  });

  it('keeps the statistics tool and its dimension for a follow-up about another unit', () => {
    expect(plan('霞浦县的呢', ['住建局上个月的诉求按类型统计一下'])).toEqual({
      intent: 'get_appeal_statistics',
      toolCall: {
        name: 'get_appeal_statistics',
        args: { unitId: 'xpx', from: day('2026-10-01'), to: day('2026-11-01'), by: 'type' },
      },
    });
  });

  it('searches past appeals of the new unit with the earlier topic, without the earlier unit’s name', () => {
    const planned = plan('那霞浦县呢？', ['以前有人反映过住建局物业收费的问题吗']);
    expect(planned.toolCall?.name).toBe('search_past_appeals');
    expect(planned.toolCall?.args).toMatchObject({ unitId: 'xpx' });
    const keywords = String(planned.toolCall?.args.keywords);
    expect(keywords).toContain('物业');
    expect(keywords).not.toMatch(/住建/);
  });

  it('asks a policy follow-up with the earlier question as context', () => {
    expect(plan('那失业保险呢？', ['住房公积金可以提取吗'])).toEqual({
      intent: 'search_policies',
      toolCall: { name: 'search_policies', args: { query: '住房公积金可以提取吗 那失业保险呢？' } },
    });
  });

  it('does not treat a short message as a follow-up of a vote, a greeting or nothing', () => {
    for (const previous of [['我投3号'], ['你好'], []]) {
      expect(plan('那霞浦县呢？', previous).toolCall?.name ?? 'none').not.toMatch(/cast_vote|get_hotline_previews/);
    }
  });

  it('votes by option number, or by unit when one is named', () => {
    expect(plan('投第2个').toolCall).toEqual({ name: 'cast_vote', args: { optionNumber: 2 } });
    expect(plan('我要给霞浦县投票').toolCall).toEqual({ name: 'cast_vote', args: { unitId: 'xpx' } });
  });

  it('goes back to cast_vote for a plain yes only when the previous answer asked to confirm a vote', () => {
    const asked = '这次没有投票。要为宁德市城市管理局投一票吗？回复“确认”即可。';
    expect(planTurn('确认', ['别给城管局投票'], deps, asked)).toEqual({
      intent: 'cast_vote',
      toolCall: { name: 'cast_vote', args: { unitId: 'cgj' } },
    });
    expect(planTurn('好的', ['> 我投3号'], deps, asked).toolCall).toEqual({ name: 'cast_vote', args: { optionNumber: 3 } });
    // After a vote that was cast, or an answer that asked nothing, 好的 is just 好的.
    expect(planTurn('好的', ['我投3号'], deps, '已为您投给“宁德市民政局”，谢谢参与！')).toEqual({ intent: 'greeting' });
    expect(planTurn('确认', ['住房公积金怎么提取'], deps, asked).toolCall?.name).not.toBe('cast_vote');
  });

  it('calls no tool for greetings, help and questions out of scope', () => {
    expect(plan('您好呀')).toEqual({ intent: 'greeting' });
    expect(plan('有什么功能可以用')).toEqual({ intent: 'help' });
    expect(plan('番茄炒蛋的做法')).toEqual({ intent: 'out_of_domain' });
  });
});
