import type { Intent } from './intents';
import { createIntentRouter } from './intent-router';
import { createUnitFinder } from '../slots/unit-slots';
import { readUtterances } from './utterances';

/** Phrasings written for this test; none of them is in utterances.txt (checked below). */
const phrasings: Record<Intent, string[]> = {
  greeting: ['小宁，早上好！', '您好呀', '嗨，小宁'],
  help: ['请问这个助手怎么用', '有什么功能可以用', '你可以回答哪些问题呀'],
  get_hotline_previews: ['下周四哪个部门的领导接听电话', '人社局局长哪天来接热线？', '最近的接线预告有吗', '屏南县领导什么时候接听'],
  cast_vote: ['我想给医保局投一票', '我要投2号', '投给福安市', '请给民政局投票'],
  get_poll_results: ['目前谁的票数最多', '投票结果出来了吗', '哪个单位现在领先'],
  search_past_appeals: ['以前有人反映过小区电梯坏了吗', '之前有没有人投诉过噪音', '往期关于停车难的诉求是怎么答复的'],
  get_appeal_statistics: ['统计一下各类诉求', '上个月的诉求有多少件', '诉求热点话题有哪些'],
  search_policies: [
    '提取住房公积金需要什么条件',
    '失业了能领多少失业金',
    '申请廉租房要准备哪些材料',
    '工伤认定要多长时间',
    '企业招用残疾人有补贴吗',
  ],
  explain_appeal_reply: ['第二条的答复是什么意思', '那个回复我没看懂，帮我讲讲', '把处理结果用大白话说一下'],
  emergency: ['楼道里燃气泄漏了', '有人晕倒在路边了'],
  analyze_call: ['帮我分析：邻居家空调外机噪音太大', '这种问题以前是怎么解决的？', '请帮我分析一下这通电话'],
  get_hot_topics: ['本单位这阵子有哪些热点', '我们局最近群众的热点诉求'],
  out_of_domain: [
    '明天宁德会下雨吗',
    '这周末天气热不热',
    '茅台股价今天涨了多少',
    '推荐一个适合新手的基金',
    '可乐鸡翅怎么做',
    '番茄炒蛋的做法',
    '帮我写一首七言绝句',
  ],
};

describe('intent router', () => {
  const router = createIntentRouter();

  it('is tested on phrasings that are not in its training set', () => {
    const known = new Set(readUtterances().map((utterance) => utterance.text));
    expect(
      Object.values(phrasings)
        .flat()
        .filter((text) => known.has(text)),
    ).toEqual([]);
  });

  describe.each(Object.entries(phrasings))('%s', (intent, texts) => {
    it.each(texts)('%s', (text) => {
      expect(router.route(text).intent).toBe(intent);
    });
  });

  it('decides the wording-cue intents by cue and the rest with the classifier, with a probability', () => {
    expect(router.route('我要投2号')).toEqual({ intent: 'cast_vote', confidence: 1, byCue: true });
    const policy = router.route('申请廉租房要准备哪些材料');
    expect(policy).toMatchObject({ intent: 'search_policies', byCue: false });
    expect(policy.confidence).toBeGreaterThan(0.5);
    expect(policy.confidence).toBeLessThanOrEqual(1);
  });

  it('without a cue never casts a vote, declares an emergency, or guesses a tally or a count', () => {
    for (const text of ['那霞浦县呢？', '随便说点什么', '猫', '我还没想好']) {
      const routed = router.route(text);
      expect(routed.byCue).toBe(false);
      expect(['cast_vote', 'emergency', 'get_poll_results', 'get_appeal_statistics']).not.toContain(routed.intent);
    }
  });

  it('routes danger happening now to the emergency route, whatever else the message asks', () => {
    for (const text of ['燃气泄漏了怎么办', '家里着火了', '有人被困在电梯里', '我爸突然晕倒了']) {
      expect(router.route(text)).toMatchObject({ intent: 'emergency', byCue: true });
    }
    expect(router.route('去年小区燃气管道改造的费用怎么算').intent).not.toBe('emergency');
    expect(router.route('建议加强消防检查').intent).not.toBe('emergency');
  });

  describe('slots decide where they are unambiguous', () => {
    const withUnits = createIntentRouter(undefined, {
      units: createUnitFinder([
        { id: 'xp', name: '霞浦县人民政府', aliases: ['霞浦县', '霞浦'] },
        { id: 'zjj', name: '宁德市住房和城乡建设局', aliases: ['市住建局', '住建局', '住建'] },
        { id: 'wjw', name: '宁德市卫生健康委员会', aliases: ['市卫健委', '卫健委', '卫生局'] },
      ]),
    });
    it.each([
      ['霞浦县最近有哪些诉求？', 'search_past_appeals'],
      ['宁德市住建局的诉求', 'search_past_appeals'],
      ['蕉城区上个月的诉求', 'search_past_appeals'],
      ['霞浦的问题', 'search_past_appeals'],
      ['宁德市卫生健康委员会的问题', 'search_past_appeals'],
      ['卫生健康方面的诉求有多少', 'get_appeal_statistics'],
      ['卫生健康', 'get_appeal_statistics'],
      ['霞浦县的诉求有多少', 'get_appeal_statistics'],
      ['城乡建设类诉求占比', 'get_appeal_statistics'],
    ])('%s → %s', (text, intent) => {
      expect(withUnits.route(text).intent).toBe(intent);
    });
    it.each([
      ['怎么投诉噪音扰民'],
      ['我想反映小区噪音问题'],
      ['我想了解一下低保政策'],
      ['失业金怎么领'],
      ['社保怎么转移'],
      ['保障房的申请条件是什么'],
    ])('%s is a policy question', (text) => {
      expect(withUnits.route(text).intent).toBe('search_policies');
    });
  });

  it('tells daily life from a question about the rules in the same nouns', () => {
    const router = createIntentRouter();
    for (const text of ['小区门口那家饭店的菜好吃吗', '周末带孙子去哪玩好', '红薯怎么蒸才甜'])
      expect(router.route(text).intent).toBe('out_of_domain');
    for (const text of ['饭店吃饭不给开发票，这合法吗', '我家孩子上幼儿园，政府有没有补贴', '坐公交车老年人能免费吗'])
      expect(router.route(text).intent).toBe('search_policies');
  });

  it('never takes a message in the words of rules and public services for small talk', () => {
    // Trained on nothing but small talk, the classifier can only guess out_of_domain: the rule words decide.
    const router = createIntentRouter([
      { intent: 'out_of_domain', text: '今天天气怎么样' },
      { intent: 'search_policies', text: '失业金怎么领' },
    ]);
    expect(router.route('今天天气怎么样').intent).toBe('out_of_domain');
    expect(router.route('今天天气这样，户外干活有高温补贴吗').intent).toBe('search_policies');
  });

  it('is trained from the utterances it is given', () => {
    const tiny = createIntentRouter([
      { intent: 'search_policies', text: '公积金提取条件' },
      { intent: 'out_of_domain', text: '天气怎么样' },
    ]);
    expect(tiny.route('公积金怎么提取').intent).toBe('search_policies');
    expect(tiny.route('明天天气').intent).toBe('out_of_domain');
  });

  it('does not take a phone-number question, a 领导小组 or thanks for another intent', () => {
    expect(router.route('市场监管局的咨询电话是多少？').intent).toBe('search_policies');
    expect(router.route('防汛领导小组由哪些部门组成？').intent).not.toBe('get_hotline_previews');
    expect(router.route('市长什么时候来接听电话？').intent).toBe('get_hotline_previews');
    expect(router.route('建议类的有多少？').intent).toBe('get_appeal_statistics');
    expect(router.route('太感谢了').intent).not.toBe('search_policies');
    expect(router.route('谢谢啦').intent).toBe('greeting');
    expect(router.route('你还能帮我办些什么？').intent).toBe('help');
  });

  it("keeps the officials' tools to their own words: a citizen's ordinary questions keep their intents", () => {
    expect(router.route('诉求热点话题有哪些').intent).toBe('get_appeal_statistics');
    expect(router.route('以前有人反映过小区电梯坏了吗').intent).toBe('search_past_appeals');
    expect(router.route('往期关于停车难的诉求是怎么答复的').intent).toBe('search_past_appeals');
    expect(router.route('帮我分析一下这个政策的意思').intent).not.toBe('analyze_call');
  });
});
