import { eq, sql } from 'drizzle-orm';
import { votes } from '../hotline/db/schema';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import { createUserAccount } from '../server/auth/user-accounts';
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
}
