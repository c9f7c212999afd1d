import { createTokenizer } from '../../../text';
import { createCategoryClassifier } from './category-classifier';
import { stratifiedSplit } from './stratified-split';
import { defaultCategoryTrainingOptions, trainCategoryModel, type LabelledAppeal } from './train-category-model';

const tokenizer = createTokenizer();

/**
 * Openings (first 80 characters) of real labelled appeals from ../shared/data/appeals/labeled-train.jsonl,
 * ids in the comments, labels mapped to the column's categories: enough for the trainer to find words
 * that tell three categories apart.
 */
const examples: LabelledAppeal[] = [
  { category: '交通运输', content: '滨湖西路两端的规划，一头靠近万家丽北路，一头靠近西霞路，都没有通，未来规划是连接哪里？' }, // annex2-19021
  {
    category: '交通运输',
    content: 'K6县到K7县路段公交车在节假日旅客多时出现拒载现象，极其严重，今天下午我在岑江渡等车等了三个多小时了还是无一俩车载客……',
  }, // annex2-112288
  {
    category: '交通运输',
    content:
      'M8县的士漫天要价之风何时了。一个小小的美丽的白沙打的难，的士可以随时拒载。4月2号晚上8点50左右从华天宾馆坐楚U?9200出租车到铁沙河桥头位置。。的士司机',
  }, // dev-1570
  {
    category: '劳动人事',
    content:
      '我们是一批等待特退的工人，所谓特退就是可以提早五年退休。可我们已到退休年龄，企业就再也不给我们发工资，而社保局又遇政策调整，我们两头都没有着落，只希望市长在百忙',
  }, // annex2-13641
  { category: '劳动人事', content: '95年入了编有了社保，2005年买断，社保还是老本本，我该如何在网上查询呢？' }, // dev-547
  {
    category: '劳动人事',
    content:
      '胡厅长：您好，我是1991年8月在M4市钢铁总厂参加工作，当时国家还没有购买养老保险政策，1995年9月才购买的，我现在广州工作，准备把养老保险转入广州，但西地',
  }, // dev-1649
  {
    category: '卫生健康',
    content:
      '本人妻子身患肾癌，于6月份在西地省肿瘤医院花7060块做了一个CT,不说价格贵否，得出结果为癌细胞扩散，只能回家吃药，不能手术治疗了，也就是等死，请问一个这样的',
  }, // dev-1151
  {
    category: '卫生健康',
    content: '村医应得公卫的劳务费，为什么卫生院院可以想发多少给村医就发多少，麻烦廖局到B9市来关心一下村医，非常感谢！',
  }, // dev-291
  {
    category: '卫生健康',
    content:
      'K2区有一伙骗子，办了个读者报生活馆，地址就在菱角山小学公交站对面的二楼。他们先是登记信息免费送报纸，获取老人的联系方式，然后通过一些送小东西活动，给这些人一点',
  }, // annex2-116670
  {
    category: '卫生健康',
    content:
      '因护士注册时间已过，曾多次走到你贵单位（2011年到现在）都没办好，不是缺这就是那种资料，医政科护士注册人姓蒋，不知还要等多久，如再拖延我就请经视记者来采访一下',
  }, // dev-1416
  {
    category: '交通运输',
    content: '黑车猖狂，网约车无序，的士夹缝中求生存，A市一有大事就狠抓合规出租车，可根本问题却是出租车司机权益谁保障？',
  }, // annex2-184780
  { category: '劳动人事', content: '我是A7县人，我人在外地，请问养老保险可以在网上交吗？如果能交需要去哪里交？' }, // annex2-16643
];

describe('training', () => {
  test('is deterministic: the same data gives the same model, byte for byte', () => {
    const train = () =>
      JSON.stringify(
        trainCategoryModel({
          examples,
          categories: ['交通运输', '劳动人事', '卫生健康', '其他'],
          tokenizer,
          trainedOn: { source: 'test', sha256: '0'.repeat(64) },
        }),
      );
    expect(train()).toBe(train());
  });

  test('keeps only the categories it has examples of, and learns them from the words', () => {
    const model = trainCategoryModel({
      examples,
      categories: ['城乡建设', '交通运输', '劳动人事', '卫生健康', '其他'],
      tokenizer,
      trainedOn: { source: 'test', sha256: '0'.repeat(64) },
      options: { ...defaultCategoryTrainingOptions, minimumDocumentFrequency: 1 },
    });
    expect(model.classes).toEqual(['交通运输', '劳动人事', '卫生健康']);
    expect(model.categories).toEqual(['城乡建设', '交通运输', '劳动人事', '卫生健康', '其他']);
    const classifier = createCategoryClassifier({ model, tokenizer });
    expect(classifier.classifyCategory('出租车司机拒载还漫天要价').category).toBe('交通运输');
    expect(classifier.classifyCategory('单位拖欠工资，养老保险也没有交').category).toBe('劳动人事');
  });
});

describe('stratified split', () => {
  const items = [
    ...Array.from({ length: 50 }, (_, index) => ({ id: `a${index}`, label: 'a' })),
    ...Array.from({ length: 10 }, (_, index) => ({ id: `b${index}`, label: 'b' })),
  ];

  test('holds out the same share of every label', () => {
    const split = stratifiedSplit(items, (item) => item.label, 0.2, 42);
    expect(split.test.filter((item) => item.label === 'a')).toHaveLength(10);
    expect(split.test.filter((item) => item.label === 'b')).toHaveLength(2);
    expect(split.train).toHaveLength(48);
  });

  test('a seed names one split; another seed gives another', () => {
    const ids = (seed: number) => stratifiedSplit(items, (item) => item.label, 0.2, seed).test.map((item) => item.id);
    expect(ids(42)).toEqual(ids(42));
    expect(ids(7)).not.toEqual(ids(42));
  });
});
