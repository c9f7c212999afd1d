import fs from 'node:fs';
import { createTokenizer } from '../../../text';
import { createCategoryClassifier } from './category-classifier';
import { defaultCategoryModelFile, parseCategoryModel, readCategoryModel } from './category-model';

const tokenizer = createTokenizer();
const model = readCategoryModel();
const classifier = createCategoryClassifier({ model, tokenizer });

/** Real appeals from ../shared/data/appeals/replied.jsonl (not in the training file); category by reading. */
const appeals = [
  {
    source: 'replied 3692',
    title: 'A5区鄱阳村D区安置房人防工程的咨询',
    content: '胡书记：您好，我想请问一下，A5区鄱阳村D区安置房地下室近两万平方米，为什么人防工程就有近一万四千个平方。',
    category: '城乡建设',
  },
  {
    source: 'replied 3747',
    title: '希望相关部门治理A3区中海国际社区一期旁边工地的噪音问题',
    content:
      '希望相关部门治理一下中海国际社区一期旁边工地的噪音问题，早上很早就施工，严重影响居民的正常休息睡眠，晚上也有很大噪音，严重影响居民的睡眠质量。',
    category: '环境保护',
  },
  {
    source: 'replied 4880',
    title: '希望A市重视滴滴出行的问题',
    content:
      '无网约车驾驶证，无网约车资格证，希望相关部门上路设卡排查，全国本身公路拥堵，这么多非法营运滴滴小车不控制，影响市民出行。希望相关部门介入处理。',
    category: '交通运输',
  },
  {
    source: 'replied 6785',
    title: '进城务工子学就读小学的问题咨询',
    content: '领导好，打扰下，我在A市A2区上班，工作稳定，想明年年初带孩子来上A市上学，请问需要准备些什么材料？',
    category: '科教文体',
  },
  {
    source: 'replied 6608',
    title: '异地转本地社保的咨询',
    content:
      '领导你好！我在深圳交了三年社保，现在回A市了，在深圳已经办好了缴费凭证，现在时隔一年再交费，请问有什么手续要办？去年的保险金还没交，现在还能交吗？谢谢！',
    category: '劳动人事',
  },
  {
    source: 'replied 45811',
    title: '希望C4市政府发展旅游产业',
    content:
      '希望C4市的政府部门利用永乐村灰仑峰优势资源、地形位置，挖掘乡镇旅游项目整合C市全域4A景区，引导城乡规划，对接C5市，A8县灰汤发展空间，带动当址老百姓，家乡变化。',
    category: '商贸经济',
  },
  {
    source: 'replied 9096',
    title: '希望加强A6区河东片区医院建设',
    content: '以A市卫计委公布的产科分娩医院，A6区共七家，其中河西就占据了六家，河东仅茶亭卫生院一所，明显存在发展和布局不平衡问题。',
    category: '卫生健康',
  },
];

describe('category classifier with the committed model', () => {
  test.each(appeals)('$source → $category', ({ title, content, category }) => {
    const prediction = classifier.classifyCategory({ title, content });
    expect(prediction.category).toBe(category);
    expect(prediction.confidence).toBeGreaterThan(0.5);
  });

  test('always answers with one of the column categories, with a probability ranking that sums to 1', () => {
    for (const input of ['', '？？？', 'hello world', '我想问一下', appeals[0].content]) {
      const prediction = classifier.classifyCategory(input);
      expect(model.categories).toContain(prediction.category);
      expect(prediction.confidence).toBeGreaterThan(0);
      expect(prediction.confidence).toBeLessThanOrEqual(1);
      expect(prediction.ranking.reduce((sum, entry) => sum + entry.probability, 0)).toBeCloseTo(1, 6);
    }
  });

  test('the title counts: the same body reads differently under a different title', () => {
    const body = '请相关部门尽快处理，谢谢。';
    expect(classifier.classifyCategory({ title: '网约车非法营运无人管', content: body }).category).toBe('交通运输');
    expect(classifier.classifyCategory({ title: '小孩上学入学报名需要什么材料', content: body }).category).toBe('科教文体');
  });
});

describe('the model artifact', () => {
  test('is versioned, names its training data and stays small enough to commit', () => {
    expect(model.version).toMatch(/^category-/);
    expect(model.trainedOn.source).toBe('appeals/labeled-train.jsonl');
    expect(model.trainedOn.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(model.trainedOn.examples).toBe(2218);
    expect(model.classes.every((category) => model.categories.includes(category))).toBe(true);
    expect(fs.statSync(defaultCategoryModelFile).size).toBeLessThan(5_000_000);
  });

  test('an artifact whose parts do not fit together is refused with a configuration error', () => {
    expect(() => parseCategoryModel({ ...model, bias: model.bias.slice(1) })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => parseCategoryModel({ ...model, classes: ['不存在的类别', ...model.classes.slice(1)] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => readCategoryModel('/nonexistent/model.json')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
