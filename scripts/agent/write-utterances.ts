/**
 * Writes bot/intents/utterances-framed.txt: phrase frames of everyday questions combined with slot fillers
 * (every unit name and alias of data/demo/units.json, dates of every form, the appeal categories, everyday
 * topics), so that the intent classifier sees each unit and date in each kind of question. Deterministic:
 * the same inputs give the same file. The hand-written sets (utterances.txt, utterances-everyday.txt) carry
 * the other phrasings; the held-out set (held-out-utterances.txt) is written separately and never read here.
 *
 *   npm run utterances:write
 */
import fs from 'node:fs';
import path from 'node:path';
import { appealCategories } from '../../bot/slots/category-slots';

const repositoryRoot = path.join(__dirname, '../..');
const units = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'data/demo/units.json'), 'utf8')) as {
  name: string;
  aliases: string[];
}[];
const unitNames = units.flatMap((unit) => [unit.name, ...unit.aliases]).filter((name) => name.length >= 2);

const pastDates = [
  '12月10日',
  '这个月',
  '上个月',
  '最近一周',
  '去年',
  '本周',
  '11月',
  '昨天',
  '今年',
  '上周',
  '2025年11月',
  '近一个月',
  '前天',
  '11月20日到25日',
];
const futureDates = ['下周三', '12月10日', '这个月', '下个月', '本周', '明天', '后天', '这周五', '下周', '12月10号', '周四'];
const appealTopics = [
  '停水',
  '小区噪音',
  '物业收费',
  '拖欠工资',
  '路灯不亮',
  '垃圾清运',
  '电梯故障',
  '违章建筑',
  '学校收费',
  '公交线路',
  '油烟扰民',
  '拆迁补偿',
  '停车难',
  '房屋漏水',
  '医保报销',
  '农田灌溉',
];
const policyTopics = [
  '低保',
  '失业金',
  '公积金提取',
  '社保转移',
  '医保报销',
  '保障房',
  '公租房',
  '养老金',
  '工伤',
  '居住证',
  '法律援助',
  '殡葬补贴',
  '高龄补贴',
  '生育津贴',
  '临时救助',
  '残疾人补贴',
  '创业贷款',
  '农民工工资',
  '不动产登记',
  '特困供养',
];
const problems = [
  '小区噪音',
  '工地夜间施工',
  '饭店油烟',
  '物业不作为',
  '乱停车',
  '违章搭建',
  '广场舞扰民',
  '商家缺斤少两',
  '无证经营',
  '偷排污水',
  '养狗扰民',
  '黑车拉客',
  '垃圾乱倒',
  '楼上漏水',
];
const places = ['家里', '楼下', '隔壁', '小区里', '厂里', '店里', '楼道里', '路边', '村里', '学校旁边'];
const dangers = [
  '着火了',
  '燃气泄漏了',
  '冒烟了',
  '煤气味很重',
  '塌了',
  '进水了',
  '有人晕倒了',
  '有人被困了',
  '电线断了掉在地上',
  '有人打架动刀了',
];
const fillers = ['', '', '', '请问', '麻烦问下', '那个…', '我想问一下', '小宁，', '你好，'];

/** A fixed pseudo-random sequence, so the file is the same every time it is written. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
const random = seeded(13);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

type Frame = (fill: { unit: string; date: string; category: string; topic: string; problem: string }) => string;
const frames: Record<string, { count: number; frames: Frame[]; dates: string[] }> = {
  get_hotline_previews: {
    count: 130,
    dates: futureDates,
    frames: [
      ({ unit }) => `${unit}什么时候接线`,
      ({ date }) => `${date}谁来接电话`,
      ({ unit, date }) => `${unit}${date}有领导接线吗`,
      ({ unit }) => `${unit}的领导哪天接听热线`,
      ({ date }) => `${date}有没有领导接线安排`,
      ({ unit }) => `想给${unit}领导打电话，什么时候能打`,
      ({ unit }) => `${unit}近期有接线安排吗`,
      ({ date }) => `${date}的接线预告`,
    ],
  },
  cast_vote: {
    count: 110,
    dates: pastDates,
    frames: [
      ({ unit }) => `我投${unit}`,
      ({ unit }) => `给${unit}投一票`,
      ({ unit }) => `帮我投${unit}`,
      ({ unit }) => `我选${unit}`,
      ({ unit }) => `投票给${unit}`,
      () => `投${pick(['1', '2', '3', '4', '5', '6', '一', '二', '三', '五'])}号`,
      ({ unit }) => `我支持${unit}，投它一票`,
    ],
  },
  get_poll_results: {
    count: 40,
    dates: pastDates,
    frames: [
      ({ unit }) => `${unit}现在多少票`,
      ({ unit }) => `${unit}排第几`,
      ({ unit }) => `${unit}的得票情况`,
      () => pick(['现在的投票结果', '投票排名怎么样', '哪个单位票数领先', '候选单位有哪些']),
    ],
  },
  search_past_appeals: {
    count: 230,
    dates: pastDates,
    frames: [
      ({ unit }) => `${unit}的诉求`,
      ({ unit, date }) => `${unit}${date}的诉求`,
      ({ unit, date }) => `${date}${unit}收到哪些反映`,
      ({ unit }) => `${unit}最近有哪些诉求`,
      ({ topic }) => `有人反映过${topic}吗`,
      ({ unit, topic }) => `${unit}有没有关于${topic}的诉求`,
      ({ unit }) => `${unit}被投诉了什么`,
      ({ unit }) => `${unit}群众都反映了什么问题`,
      ({ date }) => `${date}的诉求有哪些`,
      ({ topic, date }) => `${date}关于${topic}的投诉`,
      ({ unit }) => `${unit}的问题`,
    ],
  },
  get_appeal_statistics: {
    count: 200,
    dates: pastDates,
    frames: [
      ({ category }) => `${category}方面的诉求有多少`,
      ({ category }) => `${category}类诉求占比多少`,
      ({ unit }) => `${unit}的诉求有多少件`,
      ({ date }) => `${date}的诉求数量`,
      ({ unit, date }) => `${unit}${date}的诉求统计`,
      ({ category }) => `${category}的诉求多不多`,
      ({ category, date }) => `${date}${category}类诉求有几件`,
      ({ unit }) => `${unit}哪类诉求最多`,
      ({ unit }) => `${unit}投诉占比`,
      ({ category }) => `${category}`,
    ],
  },
  search_policies: {
    count: 220,
    dates: pastDates,
    frames: [
      ({ topic }) => `我想了解一下${topic}政策`,
      ({ topic }) => `${topic}怎么申请`,
      ({ topic }) => `${topic}的条件是什么`,
      ({ topic }) => `${topic}需要什么材料`,
      ({ topic }) => `${topic}有什么规定`,
      ({ topic }) => `${topic}去哪里办`,
      // Raising a problem of one's own: answered with how to raise it and the rules that apply.
      ({ problem }) => `我想反映${problem}的问题`,
      ({ problem }) => `怎么投诉${problem}`,
      ({ problem }) => `${problem}找谁反映`,
      ({ problem }) => `我要举报${problem}`,
      ({ problem }) => `${problem}该向哪个部门投诉`,
      // A unit's contact details are looked up in the documents, not in the appeal records.
      ({ unit }) =>
        `${unit}的${pick(['咨询电话', '办公电话', '地址', '上班时间', '投诉电话', '办事大厅'])}${pick(['是多少', '是什么', '在哪里', ''])}`,
    ],
  },
  emergency: {
    count: 90,
    dates: pastDates,
    frames: [
      () => `${pick(places)}${pick(dangers)}`,
      () => `${pick(places)}${pick(dangers)}，怎么办`,
      () => `快来人，${pick(places)}${pick(dangers)}`,
    ],
  },
};

const lines = new Set<string>();
for (const [intent, { count, frames: intentFrames, dates: intentDates }] of Object.entries(frames)) {
  const written = new Set<string>();
  for (let attempt = 0; written.size < count && attempt < count * 20; attempt += 1) {
    const topic = intent === 'search_policies' ? pick(policyTopics) : pick(appealTopics);
    const frame = pick(intentFrames);
    const filler = intent === 'cast_vote' ? pick(['', '', '小宁，', '那个…', '嗯，']) : pick(fillers);
    const text = `${filler}${frame({ unit: pick(unitNames), date: pick(intentDates), category: pick(appealCategories), topic, problem: pick(problems) })}`;
    written.add(text);
  }
  for (const text of written) lines.add(`${intent}\t${text}`);
}
const header = [
  '# Framed utterances: written by scripts/agent/write-utterances.ts (npm run utterances:write); do not edit by hand.',
  '# Phrase frames × slot fillers (units and aliases of data/demo/units.json, dates, categories, topics).',
];
fs.writeFileSync(path.join(repositoryRoot, 'bot/intents/utterances-framed.txt'), `${[...header, ...lines].join('\n')}\n`);
process.stdout.write(`${lines.size} framed utterances\n`);
