import { openDatabase, type DatabaseHandle } from '../../storage';
import { readDemoData, type DemoData } from '../demo/demo-data-files';
import { loadDemoData } from '../demo/load-demo-data';
import { createRepositories, type Repositories } from '../../storage';
import { createTokenizer } from '../../text';
import { findUnitHotTopics, recomputeAllInsights } from './appeal-insights';
import { loadAppealIntelligence, type AppealIntelligence } from './appeal-intelligence';
import { appealTypes } from './type/appeal-types';

/** The real demo data set (data/demo) loaded into a real PGlite database, as `npm start` loads it. */
let database: DatabaseHandle;
let repositories: Repositories;
let intelligence: AppealIntelligence;
let demo: DemoData;
let loadMilliseconds: number;

beforeAll(async () => {
  demo = readDemoData();
  intelligence = loadAppealIntelligence({ tokenizer: createTokenizer() });
  database = await openDatabase({});
  repositories = createRepositories(database.db);
  const started = Date.now();
  await loadDemoData(database, demo, new Date(), { intelligence });
  loadMilliseconds = Date.now() - started;
}, 120_000);

afterAll(async () => {
  await database.close();
});

const unit = (id: string) => {
  const found = demo.units.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no demo unit ${id}`);
  return found;
};

describe('insights stored with the demo data', () => {
  test('every demo appeal has an insight, in the same load', async () => {
    expect(await repositories.appeals.countInsights()).toBe(demo.appeals.length);
    console.warn(`demo load with insights: ${loadMilliseconds} ms for ${demo.appeals.length} appeals`);
  });

  test('each insight has a column category, one of the five types, at most six tags, a masked summary of at most 60 characters', async () => {
    const insights = await repositories.appeals.getInsights(demo.appeals.map((appeal) => appeal.id));
    const categories = intelligence.categories;
    const ids = new Set(demo.appeals.map((appeal) => appeal.id));
    for (const insight of insights) {
      expect(categories).toContain(insight.category);
      expect(appealTypes).toContain(insight.type);
      expect(insight.tags.length).toBeLessThanOrEqual(6);
      expect(insight.summary!.length).toBeGreaterThan(0);
      expect(insight.summary!.length).toBeLessThanOrEqual(60);
      expect(insight.summary).not.toMatch(/1[3-9]\d{9}/u);
      expect(insight.similarIds).not.toContain(insight.appealId);
      for (const id of insight.similarIds) expect(ids.has(id)).toBe(true);
      expect(insight.model).toBe(intelligence.model);
    }
    // Most appeals have a topic; some have similar past appeals, and many have none rather than a weak one.
    expect(insights.filter((insight) => insight.tags.length > 0).length / insights.length).toBeGreaterThan(0.9);
    const withSimilar = insights.filter((insight) => insight.similarIds.length > 0).length;
    expect(withSimilar).toBeGreaterThan(0);
    expect(withSimilar).toBeLessThan(insights.length);
  });

  test('on the categories the model was trained on, its category mostly agrees with the demo data’s', async () => {
    const insights = new Map(
      (await repositories.appeals.getInsights(demo.appeals.map((appeal) => appeal.id))).map((row) => [row.appealId, row]),
    );
    const comparable = demo.appeals.filter((appeal) => intelligence.trainedCategories.includes(appeal.category));
    const agreeing = comparable.filter((appeal) => insights.get(appeal.id)?.category === appeal.category).length;
    expect(comparable.length).toBeGreaterThan(demo.appeals.length / 2);
    expect(agreeing / comparable.length).toBeGreaterThan(0.75);
  });

  test('a second load computes and changes nothing', async () => {
    const before = await repositories.appeals.getInsight(demo.appeals[0].id);
    const result = await loadDemoData(database, demo, new Date(), { intelligence });
    expect(result.loaded).toBe(false);
    expect(await repositories.appeals.getInsight(demo.appeals[0].id)).toEqual(before);
  });
});

describe('hot topics of a unit on the demo data', () => {
  test('宁德市住房和城乡建设局: led by its own duties (物业, 房屋质量/安全…), 住房公积金 not among them', async () => {
    const topics = await findUnitHotTopics(repositories.appeals, intelligence, unit('zjj'));
    console.warn(`hot topics of 宁德市住房和城乡建设局: ${topics.map((topic) => `${topic.topic} ${topic.count}`).join('、')}`);
    expect(topics.length).toBeGreaterThanOrEqual(3);
    expect(topics.map((topic) => topic.topic)).not.toContain('住房公积金');
    expect(topics.flatMap((topic) => topic.keywords)).not.toContain('公积金');
    const leading = topics.slice(0, 3).map((topic) => topic.topic);
    expect(leading).toContain('物业服务');
    expect(leading.some((topic) => ['房地产开发管理', '施工安全', '城镇危房改造'].includes(topic))).toBe(true);
    for (const topic of topics) {
      expect(unit('zjj').dutyTopics).toContain(topic.dutyTopic ?? unit('zjj').dutyTopics[0]);
      expect(topic.count).toBeGreaterThanOrEqual(2);
      expect(topic.appealIds.length).toBe(Math.min(3, topic.count));
      // Cut from the appeals (topic-summary.test.ts checks every word), not the old "话题：N件，多涉及…" line.
      expect(topic.summary).toMatch(/^反映较多的是：/u);
    }
    // Ranked by recency-weighted count.
    for (let position = 1; position < topics.length; position += 1)
      expect(topics[position].score).toBeLessThanOrEqual(topics[position - 1].score);
  });

  test('the representative appeals of a topic are tagged with it', async () => {
    const [first] = await findUnitHotTopics(repositories.appeals, intelligence, unit('zjj'));
    const insights = await repositories.appeals.getInsights(first.appealIds);
    for (const insight of insights) expect(insight.tags).toContain(first.topic);
  });

  test('住房公积金 is the 公积金中心’s topic', async () => {
    const topics = await findUnitHotTopics(repositories.appeals, intelligence, unit('gjj'));
    expect(topics[0]?.topic).toBe('住房公积金');
  });

  test('a county sees its own appeals only, every topic', async () => {
    const county = demo.units.find(
      (candidate) => candidate.kind === 'county' && demo.appeals.filter((appeal) => appeal.unitId === candidate.id).length >= 20,
    )!;
    const ownIds = new Set(demo.appeals.filter((appeal) => appeal.unitId === county.id).map((appeal) => appeal.id));
    const topics = await findUnitHotTopics(repositories.appeals, intelligence, county);
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) for (const id of topic.appealIds) expect(ownIds.has(id)).toBe(true);
  });

  test('a period with no appeals has no hot topics', async () => {
    expect(
      await findUnitHotTopics(repositories.appeals, intelligence, unit('zjj'), {
        from: new Date('2000-01-01'),
        to: new Date('2000-02-01'),
      }),
    ).toEqual([]);
  });
});

describe('recomputing every insight', () => {
  test('restores lost insights and keeps one per appeal', async () => {
    const id = demo.appeals[5].id;
    const before = await repositories.appeals.getInsight(id);
    await repositories.appeals.saveInsights([{ appealId: id, category: '其他', type: '咨询', tags: [], summary: '旧', model: 'old' }]);
    const result = await recomputeAllInsights(database, intelligence);
    expect(result).toEqual({ appeals: demo.appeals.length, insights: demo.appeals.length, model: intelligence.model });
    const after = await repositories.appeals.getInsight(id);
    expect({ ...after, computedAt: undefined }).toEqual({ ...before, computedAt: undefined });
    expect(await repositories.appeals.countInsights()).toBe(demo.appeals.length);
  }, 60_000);
});
