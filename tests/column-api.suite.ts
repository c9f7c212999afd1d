import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { votes } from '../storage/schema';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import { createUserAccount } from '../server/auth/user-accounts';
import { appealCategories } from '../hotline/appeals/appeal-categories';
import { computeAppealInsights } from '../hotline/intelligence/appeal-insights';
import { loadAppealIntelligence } from '../hotline/intelligence/appeal-intelligence';
import { createTokenizer } from '../text/tokenizer';
import type { createTestApp } from './support/test-app';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
interface Tally {
  pollId: string;
  options: { unitId: string; votes: number }[];
}

const adminPassword = 'column-admin-secret-2026';
const voterCookieOf = (response: { headers: Headers }) => /xn_voter=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];

/**
 * The column API over the real app and the demo data, run by one file per database driver (PGlite, and a
 * PostgreSQL server in CI).
 */
export function columnApiSuite(openApp: () => Promise<TestApp>): void {
  let testApp: TestApp;
  let admin: { cookie: string; csrf: string };
  beforeAll(async () => {
    testApp = await openApp();
    // The laws are enough for related policies; the whole corpus is tested by the knowledge suites.
    await testApp.knowledge?.ingester.ingestPaths([path.resolve(__dirname, '../data/demo/knowledge/laws')]);
    await createUserAccount(testApp.services.repositories, { username: 'column-admin', password: adminPassword, role: 'admin' }, 'test');
    const login = await request(testApp.app)
      .post('/api/auth/login')
      .send({ username: 'column-admin', password: adminPassword })
      .expect(200);
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    admin = { cookie: cookies.find((cookie) => cookie.startsWith('xn_session='))!.split(';')[0]!, csrf: login.body.csrfToken as string };
  });
  afterAll(() => testApp.close());

  describe('units', () => {
    it('shows a unit with duties, duty topics and upcoming published sessions', async () => {
      const response = await request(testApp.app).get('/api/units/zjj').expect(200);
      expect(response.body).toMatchObject({
        id: 'zjj',
        name: '宁德市住房和城乡建设局',
        duties: expect.any(String),
        dutyTopics: expect.any(Array),
      });
      for (const session of response.body.upcomingSessions) {
        expect(new Date(session.endsAt).getTime()).toBeGreaterThan(Date.now());
        expect(session.published).toBe(true);
        expect(session.unit.id).toBe('zjj');
      }
      const missing = await request(testApp.app).get('/api/units/no-such-unit').expect(404);
      expect(missing.body.error).toEqual({ code: 'NOT_FOUND', message: '没有找到这个单位。' });
    });
  });

  describe('previews', () => {
    it('lists upcoming published sessions in time order with unit, leader, scope and how to take part', async () => {
      const response = await request(testApp.app).get('/api/previews').expect(200);
      const items = response.body.items as {
        startsAt: string;
        endsAt: string;
        published: boolean;
        unit: { name: string };
        howToJoin: string;
        channels: { name: string }[];
      }[];
      expect(items.length).toBeGreaterThan(0);
      const starts = items.map((item) => item.startsAt);
      expect([...starts].sort()).toEqual(starts);
      for (const item of items) {
        expect(item.published).toBe(true);
        expect(new Date(item.endsAt).getTime()).toBeGreaterThan(Date.now());
        expect(item.unit.name).toMatch(/[\u4e00-\u9fa5]/);
        expect(item.howToJoin).toContain('12345');
        expect(item.channels.map((channel) => channel.name)).toContain('拨打 12345 热线电话');
      }
      const past = await request(testApp.app).get('/api/previews').query({ from: '2000-01-01' }).expect(200);
      expect(past.body.items.length).toBeGreaterThan(items.length);
      await request(testApp.app).get('/api/previews').query({ from: 'yesterday' }).expect(400);
    });

    it('admins create, edit, publish, unpublish and delete; citizens never see drafts', async () => {
      const as = (call: request.Test) => call.set('Cookie', admin.cookie).set('X-CSRF-Token', admin.csrf);
      const startsAt = new Date(Date.now() + 3 * 86400000).toISOString();
      const endsAt = new Date(Date.now() + 3 * 86400000 + 7200000).toISOString();
      const draft = {
        unitId: 'zjj',
        startsAt,
        endsAt,
        leaderTitle: '宁德市住房和城乡建设局局长',
        scope: '物业管理；房屋安全',
        howToJoin: '拨打12345热线电话',
      };
      const created = await as(request(testApp.app).post('/api/admin/previews')).send(draft).expect(201);
      const id = created.body.id as string;
      const publicIds = async () =>
        ((await request(testApp.app).get('/api/previews').expect(200)).body.items as { id: string }[]).map((item) => item.id);
      expect(await publicIds()).not.toContain(id);
      await as(request(testApp.app).post(`/api/admin/previews/${id}/publish`)).expect(200);
      expect(await publicIds()).toContain(id);
      await as(request(testApp.app).patch(`/api/admin/previews/${id}`))
        .send({ leaderTitle: '宁德市住房和城乡建设局副局长' })
        .expect(200);
      expect(
        (await request(testApp.app).get('/api/units/zjj')).body.upcomingSessions.map(
          (session: { leaderTitle: string }) => session.leaderTitle,
        ),
      ).toContain('宁德市住房和城乡建设局副局长');
      await as(request(testApp.app).post(`/api/admin/previews/${id}/unpublish`)).expect(200);
      expect(await publicIds()).not.toContain(id);
      const backwards = await as(request(testApp.app).patch(`/api/admin/previews/${id}`))
        .send({ endsAt: new Date(Date.now()).toISOString() })
        .expect(422);
      expect(backwards.body.error.message).toBe('结束时间应晚于开始时间。');
      await as(request(testApp.app).post('/api/admin/previews'))
        .send({ ...draft, unitId: 'nowhere' })
        .expect(422);
      await as(request(testApp.app).delete(`/api/admin/previews/${id}`)).expect(200);
      await as(request(testApp.app).delete(`/api/admin/previews/${id}`)).expect(404);
      await request(testApp.app).post('/api/admin/previews').set('Cookie', admin.cookie).send(draft).expect(403);
    });
  });

  describe('statistics', () => {
    /** The same aggregates computed here from the rows themselves. */
    const rowsOf = async (filter: { unitId?: string; from?: Date; to?: Date }) => {
      const { items } = await testApp.services.repositories.appeals.list(filter, { page: 1, pageSize: 100_000 });
      const insights = new Map(
        (await testApp.services.repositories.appeals.getInsights(items.map((item) => item.id))).map((insight) => [
          insight.appealId,
          insight,
        ]),
      );
      return items.map((item) => ({
        category: item.category ?? insights.get(item.id)?.category ?? '其他',
        type: item.type ?? insights.get(item.id)?.type ?? '咨询',
        tags: insights.get(item.id)?.tags ?? [],
        receivedAt: item.receivedAt,
      }));
    };
    const tally = (values: string[]) =>
      values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<string, number>());

    it('categories, types, tags and trend equal the aggregates of the rows for the same filters', async () => {
      for (const query of [{}, { unitId: 'zjj' }, { unitId: 'rsj', from: '2020-01-01', to: '2100-01-01' }]) {
        const filter = {
          ...(query.unitId ? { unitId: query.unitId } : {}),
          ...(query.from
            ? { from: new Date(`${query.from}T00:00:00+08:00`), to: new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86400000) }
            : {}),
        };
        const rows = await rowsOf(filter);
        expect(rows.length).toBeGreaterThan(0);
        const categories = (await request(testApp.app).get('/api/stats/categories').query(query).expect(200)).body.items as {
          category: string;
          count: number;
        }[];
        expect(new Map(categories.map((item) => [item.category, item.count]))).toEqual(tally(rows.map((row) => row.category)));
        expect(categories.map((item) => item.count)).toEqual([...categories.map((item) => item.count)].sort((left, right) => right - left));

        const topCategory = categories[0]!.category;
        const types = (
          await request(testApp.app)
            .get('/api/stats/types')
            .query({ ...query, category: topCategory })
            .expect(200)
        ).body.items as { type: string; count: number }[];
        expect(types.map((item) => item.type)).toEqual(['咨询', '投诉', '求助', '建议', '紧急件']);
        const expectedTypes = tally(rows.filter((row) => row.category === topCategory).map((row) => row.type));
        for (const item of types) expect(item.count).toBe(expectedTypes.get(item.type) ?? 0);

        const tags = (
          await request(testApp.app)
            .get('/api/stats/tags')
            .query({ ...query, limit: 5 })
            .expect(200)
        ).body.items as { tag: string; count: number }[];
        const expectedTags = tally(rows.flatMap((row) => row.tags));
        for (const item of tags) expect(item.count).toBe(expectedTags.get(item.tag));
        if (expectedTags.size > 0) expect(tags[0]!.count).toBe(Math.max(...expectedTags.values()));

        const trend = (
          await request(testApp.app)
            .get('/api/stats/trend')
            .query({ ...query, granularity: 'month' })
            .expect(200)
        ).body.items as { start: string; count: number }[];
        const monthOf = (date: Date) => `${new Date(date.getTime() + 8 * 3600000).toISOString().slice(0, 7)}-01`;
        expect(new Map(trend.map((item) => [item.start, item.count]))).toEqual(tally(rows.map((row) => monthOf(row.receivedAt))));
      }
      const weeks = (await request(testApp.app).get('/api/stats/trend').query({ granularity: 'week' }).expect(200)).body.items as {
        start: string;
      }[];
      // Weeks start on Monday.
      for (const week of weeks) expect(new Date(`${week.start}T12:00:00Z`).getUTCDay()).toBe(1);
      await request(testApp.app).get('/api/stats/trend').query({ granularity: 'day' }).expect(400);
      await request(testApp.app).get('/api/stats/categories').query({ from: '2026-02-01', to: '2026-01-01' }).expect(400);
    });
  });

  describe('past appeals', () => {
    const all = async (query: Record<string, string>) => {
      const first = await request(testApp.app)
        .get('/api/appeals')
        .query({ ...query, pageSize: 50 })
        .expect(200);
      const items = [...first.body.items] as { id: string }[];
      for (let page = 2; (page - 1) * 50 < first.body.total; page += 1) {
        items.push(
          ...(
            await request(testApp.app)
              .get('/api/appeals')
              .query({ ...query, pageSize: 50, page, asOf: first.body.asOf })
              .expect(200)
          ).body.items,
        );
      }
      return { ids: items.map((item) => item.id), total: first.body.total as number, items };
    };

    it('a unit filter returns exactly that unit’s appeals, a date filter exactly that day’s sessions', async () => {
      const { repositories } = testApp.services;
      const byUnit = await all({ unitId: 'zjj' });
      const expectedUnit = (await repositories.appeals.list({ unitId: 'zjj' }, { page: 1, pageSize: 100_000 })).items.map(
        (item) => item.id,
      );
      expect(byUnit.total).toBe(expectedUnit.length);
      expect(new Set(byUnit.ids)).toEqual(new Set(expectedUnit));

      const pastSessions = (await repositories.previews.list({ to: new Date() })).filter((session) => session.endsAt < new Date());
      const session = pastSessions.find((candidate) => candidate.unitId !== undefined)!;
      const day = new Date(session.startsAt.getTime() + 8 * 3600000).toISOString().slice(0, 10);
      const sameDay = pastSessions.filter(
        (candidate) => new Date(candidate.startsAt.getTime() + 8 * 3600000).toISOString().slice(0, 10) === day,
      );
      const byDate = await all({ date: day });
      const expectedDate = (
        await repositories.appeals.list({ sessionIds: sameDay.map((each) => each.id) }, { page: 1, pageSize: 100_000 })
      ).items.map((item) => item.id);
      expect(expectedDate.length).toBeGreaterThan(0);
      expect(new Set(byDate.ids)).toEqual(new Set(expectedDate));
      for (const item of byDate.items as unknown as { sessionDate: string }[]) expect(item.sessionDate).toBe(day);
      const byDateAndUnit = await all({ date: day, unitId: session.unitId });
      const expectedBoth = (await repositories.appeals.list({ sessionId: session.id }, { page: 1, pageSize: 100_000 })).items.map(
        (item) => item.id,
      );
      expect(new Set(byDateAndUnit.ids)).toEqual(new Set(expectedBoth));

      const calendar = await request(testApp.app)
        .get('/api/appeals/calendar')
        .query({ month: day.slice(0, 7) })
        .expect(200);
      const entry = calendar.body.days.find((each: { date: string }) => each.date === day);
      expect(entry.count).toBe(expectedDate.length);
      await request(testApp.app).get('/api/appeals/calendar').query({ month: '2026-13' }).expect(400);
    });

    it('paging is stable while new appeals arrive: no row twice, none missing', async () => {
      const { repositories } = testApp.services;
      const first = await request(testApp.app).get('/api/appeals').query({ pageSize: 7 }).expect(200);
      const expected = (await repositories.appeals.list({}, { page: 1, pageSize: 100_000 })).items.map((item) => item.id);
      const seen: string[] = first.body.items.map((item: { id: string }) => item.id);
      for (let page = 2; (page - 1) * 7 < first.body.total; page += 1) {
        // A newer appeal arrives before every page, which would shift plain offset paging by one.
        await repositories.appeals.insertMissing([
          {
            id: `arrival-${page}`,
            unitId: 'zjj',
            receivedAt: new Date(),
            content: '小区电梯经常停运，请尽快维修。',
            status: '办理中',
            source: 'test',
          },
        ]);
        const next = await request(testApp.app).get('/api/appeals').query({ pageSize: 7, page, asOf: first.body.asOf }).expect(200);
        expect(next.body.total).toBe(first.body.total);
        seen.push(...next.body.items.map((item: { id: string }) => item.id));
      }
      expect(seen).toHaveLength(expected.length);
      expect(new Set(seen)).toEqual(new Set(expected));
      const fresh = await request(testApp.app).get('/api/appeals').query({ pageSize: 7 }).expect(200);
      expect(fresh.body.total).toBeGreaterThan(first.body.total);
    });

    it('shows the reply only once published, and related policies and similar appeals only when they clear their thresholds', async () => {
      const { repositories } = testApp.services;
      const intelligence = loadAppealIntelligence({ tokenizer: createTokenizer() });
      const corpus = await repositories.appeals.listTexts();
      const add = async (id: string, title: string, content: string) => {
        await repositories.appeals.insertMissing([
          { id, unitId: 'gjj', receivedAt: new Date(Date.now() - 86400000), title, content, status: '办理中', source: 'test' },
        ]);
        const [insight] = computeAppealInsights(intelligence, [{ id, title, content }], { corpus });
        await repositories.appeals.saveInsight(insight!);
      };
      await add(
        'test-meteorite',
        '咨询陨石收藏鉴定',
        '我在山上捡到一块黑色的石头，很重，表面有熔壳，想知道去哪里可以做陨石鉴定，收藏需要办什么手续？',
      );
      const absent = await request(testApp.app).get('/api/appeals/test-meteorite').expect(200);
      expect(absent.body.insights.relatedPolicies).toEqual([]);
      expect(absent.body.insights.similarAppeals).toEqual([]);
      expect(absent.body.reply).toBeNull();
      expect(absent.body.hasReply).toBe(false);

      // Appeals about the housing fund find the housing fund regulation when their wording is close enough.
      const fundAppeals = corpus.filter((appeal) => appeal.title.includes('公积金')).sort((left, right) => (left.id < right.id ? -1 : 1));
      const related = [];
      for (const appeal of fundAppeals)
        related.push(...(await request(testApp.app).get(`/api/appeals/${appeal.id}`).expect(200)).body.insights.relatedPolicies);
      expect(related.length).toBeGreaterThan(0);
      expect(related[0]).toEqual({
        source: expect.any(String),
        title: expect.any(String),
        headingPath: expect.any(Array),
        excerpt: expect.any(String),
      });
      expect(related.map((policy: { title: string }) => policy.title)).toContain('住房公积金管理条例');
      const withSimilar = (await repositories.appeals.getInsights(corpus.map((appeal) => appeal.id))).find(
        (insight) => insight.similarIds.length > 0,
      )!;
      const similar = await request(testApp.app).get(`/api/appeals/${withSimilar.appealId}`).expect(200);
      expect(similar.body.insights.similarAppeals.map((appeal: { id: string }) => appeal.id)).toEqual(withSimilar.similarIds);

      const published = (await repositories.appeals.list({ status: '已办结' }, { page: 1, pageSize: 1 })).items[0]!;
      const closed = await request(testApp.app).get(`/api/appeals/${published.id}`).expect(200);
      expect(closed.body).toMatchObject({ hasReply: true, reply: expect.any(String), replyUnit: expect.any(String) });
      const pending = (
        await repositories.appeals.list({ status: '办理中', unitId: published.unitId ?? undefined }, { page: 1, pageSize: 1 })
      ).items[0]!;
      const open = await request(testApp.app).get(`/api/appeals/${pending.id}`).expect(200);
      expect(open.body).toMatchObject({ status: '办理中', hasReply: false, reply: null, replyUnit: null });
      await request(testApp.app).get('/api/appeals/no-such-appeal').expect(404);
    });

    it('never shows an unmasked phone, ID card, bank card or e-mail on any public endpoint', async () => {
      const { repositories } = testApp.services;
      const intelligence = loadAppealIntelligence({ tokenizer: createTokenizer() });
      const source = (await repositories.appeals.list({ unitId: 'zjj' }, { page: 1, pageSize: 3 })).items;
      const withPersonalData = source.map((appeal, index) => ({
        id: `pii-${index}`,
        unitId: 'zjj',
        sessionId: appeal.sessionId,
        receivedAt: appeal.receivedAt,
        title: `${appeal.title}（联系电话13959312345）`,
        content: `${appeal.content} 我叫王建国先生，电话 138-0593-6789，身份证 350902198807161234，银行卡 6222 0213 1234 5678 901，邮箱 wangjg@163.com，住在蕉城区某小区3栋1202室。`,
        status: '已办结',
        reply: `王建国先生您好，已联系您（13959312345）。`,
        replyUnit: '宁德市住房和城乡建设局',
        repliedAt: new Date(Date.now() - 3600000),
        source: 'test',
      }));
      await repositories.appeals.insertMissing(withPersonalData);
      const corpus = await repositories.appeals.listTexts();
      for (const insight of computeAppealInsights(intelligence, withPersonalData, { corpus }))
        await repositories.appeals.saveInsight(insight);

      const outputs: string[] = [];
      const fetchText = async (path: string, query: Record<string, string | number> = {}) =>
        outputs.push((await request(testApp.app).get(path).query(query).expect(200)).text);
      const first = await request(testApp.app).get('/api/appeals').query({ pageSize: 50 }).expect(200);
      for (let page = 1; (page - 1) * 50 < first.body.total; page += 1)
        await fetchText('/api/appeals', { pageSize: 50, page, asOf: first.body.asOf });
      await fetchText('/api/appeals', { unitId: 'zjj', pageSize: 50 });
      for (const item of withPersonalData) await fetchText(`/api/appeals/${item.id}`);
      for (const item of source) await fetchText(`/api/appeals/${item.id}`);
      for (const path of [
        '/api/previews',
        '/api/units',
        '/api/units/zjj',
        '/api/polls/current',
        '/api/stats/categories',
        '/api/stats/types',
        '/api/stats/tags',
        '/api/stats/trend',
      ])
        await fetchText(path);
      const text = outputs.join('\n');
      expect(text).toContain('王先生');
      expect(text).not.toMatch(/1[3-9]\d{9}|1[3-9]\d-\d{4}-\d{4}/);
      expect(text).not.toMatch(/[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])\d{5}[\dXx]/);
      expect(text).not.toContain('6222 0213 1234 5678 901');
      expect(text).not.toContain('wangjg@163.com');
      expect(text).not.toContain('王建国');
      expect(text).not.toContain('1202室');
    });

    it('refuses a search by a personal number and bad filters', async () => {
      const refused = await request(testApp.app).get('/api/appeals').query({ q: '13959312345' }).expect(400);
      expect(refused.body.error.message).toContain('不能按电话号码');
      await request(testApp.app).get('/api/appeals').query({ type: '表扬' }).expect(400);
      await request(testApp.app).get('/api/appeals').query({ pageSize: 500 }).expect(400);
      await request(testApp.app).get('/api/appeals').query({ date: '2026-02-30x' }).expect(400);
    });
  });

  describe('for officials', () => {
    let official: { cookie: string; csrf: string };
    let citizen: { cookie: string; csrf: string };
    beforeAll(async () => {
      const { repositories } = testApp.services;
      await createUserAccount(
        repositories,
        { username: 'zjj-leader', password: 'zjj-leader-secret-1', role: 'official', unitId: 'zjj' },
        'test',
      );
      await createUserAccount(repositories, { username: 'citizen-9', password: 'citizen-secret-99', role: 'citizen' }, 'test');
      const loginAs = async (username: string, password: string) => {
        const response = await request(testApp.app).post('/api/auth/login').send({ username, password }).expect(200);
        const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
        return {
          cookie: cookies.find((cookie) => cookie.startsWith('xn_session='))!.split(';')[0]!,
          csrf: response.body.csrfToken as string,
        };
      };
      official = await loginAs('zjj-leader', 'zjj-leader-secret-1');
      citizen = await loginAs('citizen-9', 'citizen-secret-99');
    });

    it('an official sees the hot topics within the own unit’s duties, every appeal of each, three marked typical', async () => {
      const response = await request(testApp.app).get('/api/units/zjj/hot-topics').set('Cookie', official.cookie).expect(200);
      const items = response.body.items as {
        topic: string;
        count: number;
        summary: string;
        appeals: { id: string; typical: boolean; receivedAt: string }[];
      }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.map((item) => item.topic)).not.toContain('住房公积金');
      expect(items.map((item) => item.count)).toEqual([...items.map((item) => item.count)].sort((left, right) => right - left));
      for (const item of items) {
        expect(item.appeals.length).toBe(item.count);
        expect(item.appeals.filter((appeal) => appeal.typical).length).toBe(Math.min(3, item.count));
        const times = item.appeals.map((appeal) => appeal.receivedAt);
        expect(times).toEqual([...times].sort().reverse());
        expect(item.summary).toMatch(/[\u4e00-\u9fa5]/);
      }
      await request(testApp.app).get('/api/units/rsj/hot-topics').set('Cookie', official.cookie).expect(403);
      await request(testApp.app).get('/api/units/zjj/hot-topics').set('Cookie', citizen.cookie).expect(403);
      await request(testApp.app).get('/api/units/zjj/hot-topics').expect(401);
      await request(testApp.app).get('/api/units/rsj/hot-topics').set('Cookie', admin.cookie).expect(200);
    });

    it('analyses a caller’s appeal: summary, category, policy basis, similar cases and handling quoted from their replies', async () => {
      const text = '我想问一下公积金贷款买房需要什么条件，首付要多少？我在宁德工作，单位一直给我交公积金。';
      const response = await request(testApp.app)
        .post('/api/assist/analyze')
        .set('Cookie', official.cookie)
        .set('X-CSRF-Token', official.csrf)
        .send({ text, unitId: 'gjj' })
        .expect(200);
      const body = response.body as {
        summary: string;
        category: string;
        type: string;
        similarCases: { id: string; reply: string }[];
        suggestedHandling: { caseId: string; quote: string }[];
        policyBasis: unknown[];
      };
      expect(body.summary.length).toBeGreaterThan(0);
      expect(body.summary.length).toBeLessThanOrEqual(60);
      expect([...appealCategories, '其他']).toContain(body.category);
      expect(['咨询', '投诉', '求助', '建议', '紧急件']).toContain(body.type);
      expect(body.similarCases.length).toBeGreaterThan(0);
      expect(body.suggestedHandling.length).toBeGreaterThan(0);
      for (const suggestion of body.suggestedHandling) {
        const source = body.similarCases.find((item) => item.id === suggestion.caseId)!;
        // Quoted, never written: every suggestion is a sentence of the named case's reply.
        expect(source.reply.replace(/\s+/g, ' ')).toContain(suggestion.quote);
      }

      const unrelated = await request(testApp.app)
        .post('/api/assist/analyze')
        .set('Cookie', official.cookie)
        .set('X-CSRF-Token', official.csrf)
        .send({ text: '我在山上捡到一块黑色的石头，表面有熔壳，想做陨石鉴定，收藏要办什么手续？' })
        .expect(200);
      expect(unrelated.body.similarCases).toEqual([]);
      expect(unrelated.body.suggestedHandling).toEqual([]);
      expect(unrelated.body.policyBasis).toEqual([]);
      expect(unrelated.body.urgentAdvice).toBeNull();

      // Danger happening now: 紧急件, with the numbers and the first safe action for the official to give.
      const urgent = await request(testApp.app)
        .post('/api/assist/analyze')
        .set('Cookie', official.cookie)
        .set('X-CSRF-Token', official.csrf)
        .send({ text: '我家厨房燃气泄漏了，味道很大，怎么办？' })
        .expect(200);
      expect(urgent.body.type).toBe('紧急件');
      const advice = (urgent.body.urgentAdvice as string[]).join('');
      for (const words of ['119', '110', '120', '离开', '燃气公司']) expect(advice).toContain(words);
    });

    it('refuses citizens, missing CSRF tokens, empty text and unknown units', async () => {
      await request(testApp.app)
        .post('/api/assist/analyze')
        .set('Cookie', citizen.cookie)
        .set('X-CSRF-Token', citizen.csrf)
        .send({ text: '小区电梯坏了' })
        .expect(403);
      await request(testApp.app).post('/api/assist/analyze').set('Cookie', official.cookie).send({ text: '小区电梯坏了' }).expect(403);
      const empty = await request(testApp.app)
        .post('/api/assist/analyze')
        .set('Cookie', official.cookie)
        .set('X-CSRF-Token', official.csrf)
        .send({ text: ' ' })
        .expect(400);
      expect(empty.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      await request(testApp.app)
        .post('/api/assist/analyze')
        .set('Cookie', official.cookie)
        .set('X-CSRF-Token', official.csrf)
        .send({ text: '小区电梯坏了没人修', unitId: 'nowhere' })
        .expect(404);
    });
  });

  describe('polls and votes', () => {
    let server: { url: string; close: () => Promise<void> };
    beforeAll(async () => {
      server = await testApp.listen();
    });
    afterAll(() => server.close());

    const newVoter = async () => {
      const response = await fetch(`${server.url}/api/polls/current`);
      expect(response.status).toBe(200);
      return `xn_voter=${voterCookieOf(response)!}`;
    };
    const vote = (cookie: string | undefined, unitId: string, pollId = 'poll-demo-next-unit') =>
      fetch(`${server.url}/api/polls/${pollId}/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify({ unitId }),
      });

    it('shows the current poll with at least 8 units and their votes', async () => {
      const response = await request(testApp.app).get('/api/polls/current').expect(200);
      expect(response.body).toMatchObject({ id: 'poll-demo-next-unit', title: expect.any(String), closesAt: expect.any(String) });
      expect(response.body.options.length).toBeGreaterThanOrEqual(8);
      expect(response.body.options[0]).toEqual({ unitId: expect.any(String), unitName: expect.any(String), votes: 0 });
    });

    it('a vote without the voter cookie gets 400 and a fresh cookie; unknown poll 404; not an option 422', async () => {
      const response = await vote(undefined, 'cgj');
      expect(response.status).toBe(400);
      expect(voterCookieOf(response)).toMatch(/^s%3Av_/);
      const forged = await vote('xn_voter=v_forgedforgedforgedforge', 'cgj');
      expect(forged.status).toBe(400);
      const cookie = await newVoter();
      expect((await vote(cookie, 'cgj', 'poll-unknown')).status).toBe(404);
      const notOption = await vote(cookie, 'zjj');
      expect(notOption.status).toBe(422);
      expect(((await notOption.json()) as { error: { message: string } }).error.message).toContain('不在本期投票的候选名单');
    });

    it('400 concurrent votes from 200 voters: exactly 200 accepted, 200 refused with 409, tallies agree everywhere', async () => {
      const sockets: Socket[] = [];
      const lastTally = new Map<Socket, Tally>();
      for (let index = 0; index < 5; index += 1) {
        const socket = connect(`${server.url}/polls`, { transports: ['websocket'], forceNew: true });
        socket.on('tally', (tally: Tally) => lastTally.set(socket, tally));
        sockets.push(socket);
      }
      await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('tally', resolve))));

      const before = (await request(testApp.app).get('/api/polls/current')).body.options as { unitId: string; votes: number }[];
      const alreadyCast = before.reduce((sum, option) => sum + option.votes, 0);
      const units = before.map((option) => option.unitId);
      const voters = await Promise.all(Array.from({ length: 200 }, () => newVoter()));
      const responses = await Promise.all(
        voters.flatMap((cookie, index) => [vote(cookie, units[index % units.length]!), vote(cookie, units[(index + 1) % units.length]!)]),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(200);
      expect(statuses.filter((status) => status === 409)).toHaveLength(200);
      const refused = (await responses.find((response) => response.status === 409)!.json()) as { error: { message: string } };
      expect(refused.error.message).toContain('您已参与本期投票');
      const accepted = (await responses.find((response) => response.status === 201)!.json()) as { suggestions: string[]; tally: Tally };
      expect(accepted.suggestions.length).toBeGreaterThanOrEqual(2);
      expect(accepted.suggestions.length).toBeLessThanOrEqual(4);

      const api = (await request(testApp.app).get('/api/polls/current')).body.options as { unitId: string; votes: number }[];
      // The same count, straight from the votes table.
      const counted = await testApp.services.database.db
        .select({ unitId: votes.unitId, votes: sql<number>`cast(count(*) as int)` })
        .from(votes)
        .where(eq(votes.pollId, 'poll-demo-next-unit'))
        .groupBy(votes.unitId);
      const sqlVotes = new Map(counted.map((row) => [row.unitId, Number(row.votes)]));
      for (const option of api) expect(option.votes).toBe(sqlVotes.get(option.unitId) ?? 0);
      expect(api.reduce((sum, option) => sum + option.votes, 0)).toBe(alreadyCast + 200);

      // The last pushed tally of every socket equals the API's, once the pushes have settled.
      const expected = Object.fromEntries(api.map((option) => [option.unitId, option.votes]));
      const deadline = Date.now() + 10_000;
      const settled = () =>
        sockets.every(
          (socket) =>
            JSON.stringify(Object.fromEntries(lastTally.get(socket)!.options.map((option) => [option.unitId, option.votes]))) ===
            JSON.stringify(expected),
        );
      while (!settled() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      for (const socket of sockets) {
        expect(Object.fromEntries(lastTally.get(socket)!.options.map((option) => [option.unitId, option.votes]))).toEqual(expected);
        socket.disconnect();
      }
    });

    it('a client connecting later gets the current tally at once', async () => {
      const socket = connect(`${server.url}/polls`, { transports: ['websocket'], forceNew: true });
      const tally = await new Promise<Tally>((resolve) => socket.once('tally', resolve));
      socket.disconnect();
      const api = (await request(testApp.app).get('/api/polls/current')).body.options as { unitId: string; votes: number }[];
      expect(tally.options.reduce((sum, option) => sum + option.votes, 0)).toBe(api.reduce((sum, option) => sum + option.votes, 0));
    });
  });

  describe('question submissions (我要留言)', () => {
    const loginAs = async (username: string, password: string) => {
      const response = await request(testApp.app).post('/api/auth/login').send({ username, password }).expect(200);
      const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      return {
        cookie: cookies.find((cookie) => cookie.startsWith('xn_session='))!.split(';')[0]!,
        csrf: response.body.csrfToken as string,
      };
    };
    const newVoter = async () => {
      const response = await request(testApp.app).get('/api/previews').expect(200);
      const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      return cookies.find((cookie) => cookie.startsWith('xn_voter='))!.split(';')[0]!;
    };
    const submit = (cookie: string | undefined, body: object) => {
      const call = request(testApp.app).post('/api/submissions').send(body);
      return cookie ? call.set('Cookie', cookie) : call;
    };
    const allSubmissions = async () =>
      (await request(testApp.app).get('/api/admin/submissions').set('Cookie', admin.cookie).expect(200)).body.items as {
        id: string;
        content: string;
        contact: string | null;
        status: string;
        unit: { id: string };
      }[];
    let official: { cookie: string; csrf: string };
    let otherOfficial: { cookie: string; csrf: string };
    beforeAll(async () => {
      const { repositories } = testApp.services;
      await createUserAccount(
        repositories,
        { username: 'zjj-desk', password: 'zjj-desk-secret-22', role: 'official', unitId: 'zjj' },
        'test',
      );
      await createUserAccount(
        repositories,
        { username: 'gjj-desk', password: 'gjj-desk-secret-33', role: 'official', unitId: 'gjj' },
        'test',
      );
      official = await loginAs('zjj-desk', 'zjj-desk-secret-22');
      otherOfficial = await loginAs('gjj-desk', 'gjj-desk-secret-33');
    });

    it('stores a question for a coming session as pending; every view masks it; admins publish (audited); the unit’s officials see it', async () => {
      const previews = (await request(testApp.app).get('/api/previews').expect(200)).body.items as {
        id: string;
        unit: { id: string; name: string };
      }[];
      const session = previews[0]!;
      const cookie = await newVoter();
      const content = '我家电话13800001111，<script>alert(1)</script>小区电梯坏了半年没人修，希望领导关注。';
      const created = await submit(cookie, { previewId: session.id, content, contact: '13800001111' }).expect(201);
      expect(created.body).toMatchObject({ status: 'pending', unitName: session.unit.name, previewId: session.id });
      const stored = await testApp.services.repositories.submissions.get(created.body.id as string);
      expect(stored).toMatchObject({ content, contact: '13800001111', status: 'pending', unitId: session.unit.id });

      const pending = (await allSubmissions()).find((item) => item.id === created.body.id)!;
      expect(pending.status).toBe('pending');
      expect(pending.contact).toBe('138****1111');
      expect(pending.content).not.toContain('13800001111');
      expect(pending.content).toContain('<script>alert(1)</script>');

      // For the housing bureau's officials: nothing until published; then the question, masked.
      const forZjj = await submit(cookie, {
        unitId: 'zjj',
        content: '物业公司一直不公开公共收益，业主该怎么维权？',
        contact: '王女士',
      }).expect(201);
      const before = await request(testApp.app).get('/api/units/zjj/submissions').set('Cookie', official.cookie).expect(200);
      expect(before.body.items.map((item: { id: string }) => item.id)).not.toContain(forZjj.body.id);
      await request(testApp.app).post(`/api/admin/submissions/${forZjj.body.id}/publish`).set('Cookie', admin.cookie).expect(403);
      const published = await request(testApp.app)
        .post(`/api/admin/submissions/${forZjj.body.id}/publish`)
        .set('Cookie', admin.cookie)
        .set('X-CSRF-Token', admin.csrf)
        .expect(200);
      expect(published.body).toMatchObject({ status: 'published', moderatedBy: 'column-admin', contact: '王***' });
      const after = await request(testApp.app).get('/api/units/zjj/submissions').set('Cookie', official.cookie).expect(200);
      expect(after.body.items).toEqual([
        expect.objectContaining({ id: forZjj.body.id, status: 'published', content: expect.stringContaining('公共收益') }),
      ]);
      await request(testApp.app)
        .post(`/api/admin/submissions/${created.body.id}/reject`)
        .set('Cookie', admin.cookie)
        .set('X-CSRF-Token', admin.csrf)
        .expect(200);
      const audit = await testApp.services.repositories.auditLog.list(20);
      expect(audit.map((entry) => `${entry.what} ${entry.target}`)).toEqual(
        expect.arrayContaining([`submission.publish ${forZjj.body.id}`, `submission.reject ${created.body.id}`]),
      );

      // Officials of another unit, citizens and anonymous callers see nothing.
      await request(testApp.app).get('/api/units/zjj/submissions').set('Cookie', otherOfficial.cookie).expect(403);
      await request(testApp.app).get('/api/units/zjj/submissions').expect(401);
      await request(testApp.app).get('/api/admin/submissions').set('Cookie', official.cookie).expect(403);
      await request(testApp.app)
        .post('/api/admin/submissions/nope/publish')
        .set('Cookie', admin.cookie)
        .set('X-CSRF-Token', admin.csrf)
        .expect(404);
    });

    it('refuses empty, too short and over-long questions, unknown or unpublished sessions and clients without the cookie, storing nothing', async () => {
      const count = async () => (await allSubmissions()).length;
      const before = await count();
      const cookie = await newVoter();
      const session = ((await request(testApp.app).get('/api/previews')).body.items as { id: string }[])[0]!.id;
      const draft = await testApp.services.repositories.previews.create({
        id: 'preview-draft-for-submissions',
        unitId: 'zjj',
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
        leaderTitle: '局长',
        scope: '物业',
        howToJoin: '拨打12345',
      });
      const cases: [object, number, string][] = [
        [{ previewId: session, content: '' }, 400, '请填写留言内容'],
        [{ previewId: session, content: '     ' }, 400, '请填写留言内容'],
        [{ previewId: session, content: '电梯坏了' }, 400, '至少写 10 个字'],
        [{ previewId: session, content: '长'.repeat(501) }, 400, '500 字以内'],
        [{ content: '没有选择场次也没有选择单位的留言内容' }, 400, '请选择要留言的接线场次'],
        [{ previewId: 'no-such-preview', content: '这是一条给不存在的场次的留言' }, 404, '没有找到这场接线'],
        [{ previewId: draft.id, content: '这是一条给还没发布的场次的留言' }, 404, '没有找到这场接线'],
        [{ unitId: 'no-such-unit', content: '这是一条给不存在的单位的留言' }, 422, '请选择要留言的接线场次或单位'],
      ];
      for (const [body, status, message] of cases) {
        const response = await submit(cookie, body).expect(status);
        expect(response.body.error.message).toContain(message);
      }
      const anonymous = await submit(undefined, { previewId: session, content: '没有 Cookie 的人提交的留言内容' }).expect(400);
      expect(anonymous.body.error.message).toContain('Cookie');
      expect(await count()).toBe(before);
      // Exactly 500 characters (emoji count as one, as people see them) is accepted.
      await submit(cookie, { previewId: session, content: `${'问'.repeat(498)}😠😠` }).expect(201);
    });

    it('limits questions per voter', async () => {
      const cookie = await newVoter();
      const statuses: number[] = [];
      for (let index = 0; index < 6; index += 1) {
        statuses.push((await submit(cookie, { unitId: 'gjj', content: `第${index + 1}次提交：公积金贷款额度怎么算？` })).status);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    });
  });
}
