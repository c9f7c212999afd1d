import { explanationNotice, type ExplanationMaterial } from './explanation-types';
import { offlineExplanation, offlineLeads, replySentences } from './offline-explanation';

const material: ExplanationMaterial = {
  appealId: 'a1',
  title: '小区电梯长期故障',
  content: '小区电梯坏了半年没人修。',
  reply:
    '网友：　　您好！　　经核实，该小区电梯已由物业公司于11月20日完成维修并通过检验。如仍有问题，您可拨打市场监管局投诉电话12315反映。根据《特种设备安全法》第四十二条的规定，电梯维护保养单位应当对其维护保养的电梯的安全性能负责。感谢您对我们工作的理解和支持！',
  replyUnit: '宁德市住房和城乡建设局',
  policies: [
    {
      source: 'laws/特种设备安全法.md',
      title: '中华人民共和国特种设备安全法',
      headingPath: ['中华人民共和国特种设备安全法', '第四十五条'],
      excerpt:
        '第四十五条 电梯的维护保养应当由电梯制造单位或者依照本法取得许可的安装、改造、修理单位进行。电梯的维护保养单位应当在维护保养中严格执行安全技术规范的要求。',
    },
  ],
};

describe('AI详解 offline', () => {
  it('sorts the reply into what was decided, what to do next and the rule, each a quote behind a fixed lead', () => {
    const points = offlineExplanation(material);
    expect(points.map((point) => point.kind)).toEqual(['decision', 'next-step', 'basis', 'basis']);
    expect(points[0]).toMatchObject({ heading: '办理结果', quote: '经核实，该小区电梯已由物业公司于11月20日完成维修并通过检验。' });
    expect(points[1]!.quote).toContain('12315');
    expect(points[3]).toMatchObject({ source: { kind: 'policy', title: '中华人民共和国特种设备安全法' } });
    expect(points[3]!.text.startsWith('《中华人民共和国特种设备安全法》规定：第四十五条')).toBe(true);
  });

  it('writes nothing but fixed leads and verbatim quotes of the reply or the passage', () => {
    const leads = [offlineLeads.decision, offlineLeads.nextStep, offlineLeads.replyRule];
    for (const point of offlineExplanation(material)) {
      const source = point.source.kind === 'reply' ? material.reply : point.source.excerpt;
      expect(source).toContain(point.quote);
      const lead = point.text.slice(0, point.text.length - point.quote.length);
      expect(point.text.endsWith(point.quote)).toBe(true);
      expect(leads.includes(lead as (typeof leads)[number]) || /^《[^》]+》[^：]*规定：$/u.test(lead)).toBe(true);
    }
    expect(explanationNotice).toContain('以答复原文为准');
  });

  it('drops greetings and thanks, keeping what is left of a sentence verbatim', () => {
    expect(replySentences('“UU008186”您好，您所反映的情况已转交县教育局进行核处。感谢您的支持！')).toEqual([
      '您所反映的情况已转交县教育局进行核处。',
    ]);
    expect(replySentences('网友：您好！请您向聘用学校咨询，感谢您对教育的关注和支持！')).toEqual(['请您向聘用学校咨询']);
    expect(replySentences('UU008822：你网上反映的信访件，乡党委、政府十分重视。')).toEqual(['你网上反映的信访件，乡党委、政府十分重视。']);
  });

  it('reads 你 as 您 for what the citizen can do, and a rule only where one is named', () => {
    const points = offlineExplanation({
      ...material,
      reply:
        '经核实，道路加宽已列入计划。如不服本处理意见，你可自收到处理意见书之日起30日内提出复查申请。关于你反映的事项，乡政府按照计划到现场进行了查看。',
      policies: [],
    });
    expect(points.map((point) => point.kind)).toEqual(['decision', 'decision', 'next-step']);
  });

  it('explains a reply with no cue words by its first real sentence, and adds no basis it does not have', () => {
    const points = offlineExplanation({ ...material, reply: '您好！该路段的路灯问题我们正在研究。', policies: [] });
    expect(points).toEqual([expect.objectContaining({ kind: 'decision', quote: '该路段的路灯问题我们正在研究。' })]);
  });
});
