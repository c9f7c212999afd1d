import { readFixture } from '../fixtures/read-fixture';
import { appealTypes, type AppealType } from './appeal-types';
import { classifyAppealType } from './classify-appeal-type';

interface TypedAppeal {
  id: string;
  source: string;
  title: string;
  content: string;
  type: AppealType;
}

/** 147 real appeals with the type assigned by reading (fixtures/README.md). */
const labelled = readFixture<TypedAppeal>('appeal-types.jsonl');

function recallAndPrecision(type: AppealType) {
  const predicted = labelled.map((appeal) => ({ appeal, predicted: classifyAppealType(appeal).type }));
  const truePositives = predicted.filter(({ appeal, predicted: type_ }) => appeal.type === type && type_ === type).length;
  return {
    recall: truePositives / labelled.filter((appeal) => appeal.type === type).length,
    precision: truePositives / Math.max(1, predicted.filter(({ predicted: type_ }) => type_ === type).length),
  };
}

describe('appeal type on the labelled real appeals', () => {
  test('the set covers every type and every genuine emergency found in the shared data', () => {
    for (const type of appealTypes) expect(labelled.some((appeal) => appeal.type === type)).toBe(true);
    expect(labelled.filter((appeal) => appeal.type === '紧急件').length).toBeGreaterThanOrEqual(13);
  });

  test('emergencies are found with high recall and few false alarms', () => {
    const { recall, precision } = recallAndPrecision('紧急件');
    expect(recall).toBeGreaterThanOrEqual(0.75);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });

  test('most appeals get the type a reader gives them', () => {
    const agreeing = labelled.filter((appeal) => classifyAppealType(appeal).type === appeal.type).length;
    expect(agreeing / labelled.length).toBeGreaterThanOrEqual(0.72);
  });

  test('every answer is one of the five types', () => {
    for (const appeal of labelled) expect(appealTypes).toContain(classifyAppealType(appeal).type);
  });
});

const byId = (id: string) => labelled.find((appeal) => appeal.id === id)!;

describe('emergencies', () => {
  test.each([
    ['133812', '学生走失'],
    ['194207', '护坡垮塌'],
    ['234309', '梁已断'],
    ['272351', '急需熊猫血'],
    ['dev-946', '泄漏'],
    ['247227', '困在'],
  ])('%s: danger happening now (%s) is 紧急件, with the sentence that shows it', (id, words) => {
    const result = classifyAppealType(byId(id));
    expect(result.type).toBe('紧急件');
    expect(result.evidence).toContain(words);
  });

  test('a hazard, a supposition or a past fire is not an emergency (real appeals)', () => {
    expect(classifyAppealType(byId('213906')).type).not.toBe('紧急件'); // 起火, but put out: 保安扑救及时才扑灭
    expect(classifyAppealType(byId('202222')).type).not.toBe('紧急件'); // 一旦发生火灾或者出现其他意外情况将无法及时逃生
    expect(classifyAppealType(byId('16405')).type).not.toBe('紧急件'); // 有较大溺水风险
    expect(classifyAppealType(byId('annex2-37')).type).not.toBe('紧急件'); // 护栏锈迹斑斑，随时可能倒塌
  });

  test('words inside other words do not raise an alarm', () => {
    // replied 9065: 随着火车南站和红旗路的开通 — "着火" across two words.
    const appeal = {
      title: '希望A5区路政部门修膳楚府东路跨京珠高速近200米路',
      content:
        '随着火车南站和红旗路的开通，楚府东路车流量猛增，而楚府东路跨京珠高速近200米道路很烂了，而且由西往东变道几年，也没有恢复直行，不知为什么？？？希望有关部门尽快解决。',
    };
    expect(classifyAppealType(appeal).type).not.toBe('紧急件');
  });
});

describe('ordinary types', () => {
  test('the writer’s own label at the start of the title decides', () => {
    expect(classifyAppealType({ title: '咨询A市楚江大道的具体走向？', content: '咨询楚江大道在铜官街道的具体走向。' }).type).toBe('咨询'); // replied 9595
    expect(classifyAppealType({ title: '举报A5区井圭路小学蒋莎莉违规考编', content: '请教育局严肃处理。' }).type).toBe('投诉'); // replied 10210
    expect(classifyAppealType({ title: '建议将习总书记15日与中外媒体见面讲话列入中学语文课本', content: '' }).type).toBe('建议'); // replied 48062
  });

  test.each([
    ['234837', '投诉'],
    ['164035', '咨询'],
    ['20927', '求助'],
    ['214722', '建议'],
  ])('%s reads as %s', (id, type) => {
    expect(classifyAppealType(byId(id)).type).toBe(type);
  });
});

describe('general danger cues (short texts written to the pattern of the real letters)', () => {
  test.each([
    ['gas smell', '我们单元楼道里有很浓的煤气味，请燃气公司马上来人检查。'],
    ['people trapped in a lift', '小区3栋电梯突然停在半空，有人被困在电梯里，物业电话打不通。'],
    ['a missing child', '我家孩子放学后一直没有回来，到现在下落不明，请帮忙寻找。'],
    ['live wires down', '台风过后路边的电线掉到地上，还冒着火花，行人很多。'],
    ['water pouring into homes', '暴雨导致河水倒灌进村民家里，一楼已经被淹，老人被困。'],
    ['a structure giving way now', '施工后我家墙体出现新的裂缝，裂缝越来越大，随时可能倒塌，威胁一家人的生命安全。'],
    ['someone threatening to jump', '有一名男子站在楼顶扬言跳楼，情况危急。'],
  ])('%s is 紧急件', (_name, content) => {
    expect(classifyAppealType({ content }).type).toBe('紧急件');
  });

  test.each([
    ['a chronic lift problem', '小区电梯经常困人，物业一直不修，请相关部门督促整改。'],
    ['money, not a rescue', '父亲住院急需救命钱，请问大病救助怎么申请？'],
    ['a warning about a possible fire', '楼道堆满杂物，一旦发生火灾后果不堪设想，建议清理。'],
    ['a settled crack', '我家房子墙面有一条旧裂缝，希望开发商维修。'],
  ])('%s is not 紧急件', (_name, content) => {
    expect(classifyAppealType({ content }).type).not.toBe('紧急件');
  });
});
