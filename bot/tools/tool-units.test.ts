import { composeToolAnswer } from '../models/compose-tool-answer';
import { somethingWentWrong as apologyReply } from '../../common';
import { toolUnitNamed, toolUnits } from './tool-units';

const turn = { question: '问题', composePolicy: () => ({ answer: '', cited: [] }) };

describe('tool units', () => {
  it("are the six tools of DESIGN.md §5, AI详解 of a reply and the two officials' tools, each once", () => {
    expect(toolUnits.map((unit) => unit.name).sort()).toEqual(
      [
        'cast_vote',
        'get_appeal_statistics',
        'get_hotline_previews',
        'get_poll_results',
        'search_past_appeals',
        'search_policies',
        'explain_appeal_reply',
        'analyze_call',
        'get_hot_topics',
      ].sort(),
    );
  });

  it('render a result that breaks their output schema as the apology, never a guess', () => {
    for (const unit of toolUnits) {
      expect(composeToolAnswer(unit.name, '{"unexpected":true}', turn)).toBe(apologyReply);
      expect(composeToolAnswer(unit.name, 'not json', turn)).toBe(apologyReply);
    }
    expect(composeToolAnswer('no_such_tool', '{}', turn)).toBe(apologyReply);
  });

  it('render their own results in words', () => {
    expect(composeToolAnswer('get_poll_results', JSON.stringify({ poll: null }), turn)).toBe('目前没有正在进行的投票。');
    expect(
      composeToolAnswer(
        'get_appeal_statistics',
        JSON.stringify({
          by: 'type',
          items: [
            { name: '投诉', count: 3 },
            { name: '咨询', count: 0 },
          ],
        }),
        turn,
      ),
    ).toBe('诉求统计（按类型）：\n投诉：3件');
    expect(composeToolAnswer('cast_vote', JSON.stringify({ voted: true, unitName: '宁德市住房和城乡建设局' }), turn)).toContain(
      '宁德市住房和城乡建设局',
    );
    expect(composeToolAnswer('search_policies', JSON.stringify({ found: false, sources: [] }), turn)).toContain('没有找到');
  });

  it('plan arguments from the slots of a turn', () => {
    const slots = {
      text: '霞浦县上个月的统计',
      slotText: '霞浦县上个月的统计',
      period: { from: 'a', to: 'b' },
      segment: (text: string) => [text],
    };
    const unit = { id: 'xpx', name: '霞浦县', aliases: [] };
    expect(toolUnitNamed('get_appeal_statistics')!.plan({ ...slots, unit })).toEqual({ unitId: 'xpx', from: 'a', to: 'b', by: 'category' });
    expect(toolUnitNamed('cast_vote')!.plan({ ...slots, text: '投3号' })).toEqual({ optionNumber: 3 });
    expect(toolUnitNamed('search_policies')!.plan(slots)).toEqual({ query: '霞浦县上个月的统计' });
  });
});
