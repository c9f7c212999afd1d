import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUserAccount } from '../server/auth/user-accounts';
import { startFakeWechatServer, type FakeWechatServer } from './fakes/fake-wechat-server';
import { ensureAdminBuilt } from './support/admin-bundle';
import { launchChromium } from './support/chromium';
import { horizontalOverflow, seriousViolations, tabUntil, watchProblems } from './support/page-checks';
import { logIn } from './support/service-process';
import { createTestApp } from './support/test-app';

jest.setTimeout(300_000);

const outputFolder = path.resolve(__dirname, '../test-output');
const adminPassword = 'admin-sessions-pass-9';
const password = 'sessions-other-pass-4';
const publicBaseUrl = 'https://column.example.cn';
const pollTitle = '测试征集：下期请哪个单位来接线？';

interface Suggestions {
  poll: { id: string } | null;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  items: {
    unitId: string;
    unitName: string;
    votes: number;
    recentAppeals: number;
    previousAppeals: number;
    unresolvedAppeals: number;
    reasons: string[];
  }[];
}

describe('admin panel: 接线预告 and 征集投票 in Chromium (real app, demo data, fake WeChat API)', () => {
  let wechatApi: FakeWechatServer;
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let admin: { cookie: string; csrfToken: string };
  const contexts: BrowserContext[] = [];

  const newPage = async (viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    return { page, problems: watchProblems(page) };
  };
  /** Logs in through the form by keyboard and lands on the page asked for. */
  const logInAsAdmin = async (page: Page, next: string) => {
    await page.goto(`${served.url}${next}`);
    await page.getByLabel('用户名').focus();
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(adminPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === next);
  };
  const api = async <T>(pathName: string, init: RequestInit = {}, as = admin): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${served.url}${pathName}`, {
      ...init,
      headers: { Cookie: as.cookie, 'X-CSRF-Token': as.csrfToken, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  /** A citizen's vote through the public API, as the column's button casts it (the signed voter cookie first). */
  const castPublicVote = async (pollId: string, unitId: string) => {
    const first = await fetch(`${served.url}/api/polls/current`);
    const voterCookie = first.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('xn_voter='))!
      .split(';')[0]!;
    const response = await fetch(`${served.url}/api/polls/${encodeURIComponent(pollId)}/votes`, {
      method: 'POST',
      headers: { Cookie: voterCookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ unitId }),
    });
    return response.status;
  };

  beforeAll(async () => {
    ensureAdminBuilt();
    fs.mkdirSync(outputFolder, { recursive: true });
    wechatApi = await startFakeWechatServer({ appId: 'wx-sessions', appSecret: 'sessions-secret' });
    testApp = await createTestApp(
      {
        VECTOR_STORE: 'off',
        ADMIN_PASSWORD: adminPassword,
        WECHAT_TOKEN: 'sessionstoken',
        WECHAT_APP_ID: 'wx-sessions',
        WECHAT_APP_SECRET: 'sessions-secret',
        WECHAT_API_BASE: wechatApi.apiBase,
        PUBLIC_BASE_URL: publicBaseUrl,
      },
      { demoData: true },
    );
    const { repositories } = testApp.services;
    await createUserAccount(repositories, { username: 'sessions-official', password, role: 'official', unitId: 'zjj' }, 'test');
    await createUserAccount(repositories, { username: 'sessions-citizen', password, role: 'citizen' }, 'test');
    served = await testApp.listen();
    browser = await launchChromium();
    admin = await logIn(served.url, 'admin', adminPassword);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await served?.close();
    await testApp?.close();
    await wechatApi?.close();
  });

  it('is for administrators only: the login for visitors and citizens, 403 for officials, CSRF on every write', async () => {
    for (const page of ['/admin/previews', '/admin/polls']) {
      const anonymous = await fetch(`${served.url}${page}`, { redirect: 'manual' });
      expect([anonymous.status, anonymous.headers.get('location')]).toEqual([302, `/admin/login?next=${encodeURIComponent(page)}`]);
    }
    const citizen = await logIn(served.url, 'sessions-citizen', password);
    const official = await logIn(served.url, 'sessions-official', password);
    expect((await fetch(`${served.url}/admin/polls`, { redirect: 'manual', headers: { Cookie: citizen.cookie } })).status).toBe(302);
    expect((await fetch(`${served.url}/admin/polls`, { redirect: 'manual', headers: { Cookie: official.cookie } })).status).toBe(403);
    const routes: [string, string][] = [
      ['GET', '/api/admin/polls'],
      ['GET', '/api/admin/next-unit-suggestions'],
      ['GET', '/api/admin/wechat'],
      ['POST', '/api/admin/wechat/menu'],
      ['POST', '/api/admin/polls/poll-demo-next-unit/close'],
      ['POST', '/api/admin/next-unit-suggestions/schedule'],
    ];
    for (const [method, route] of routes) {
      for (const someone of [citizen, official]) expect([route, (await api(route, { method }, someone)).status]).toEqual([route, 403]);
      expect([route, (await fetch(`${served.url}${route}`, { method })).status]).toEqual([route, 401]);
    }
    const withoutToken = await fetch(`${served.url}/api/admin/wechat/menu`, { method: 'POST', headers: { Cookie: admin.cookie } });
    expect(withoutToken.status).toBe(403);
    expect(((await withoutToken.json()) as { error: { code: string } }).error.code).toBe('CSRF_FAILED');
    expect(wechatApi.menus).toHaveLength(0);

    const { page, problems } = await newPage();
    await page.goto(`${served.url}/admin/login?next=/admin/polls`);
    await page.getByLabel('用户名').fill('sessions-official');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '此页面只限管理员使用' }).waitFor();
    expect(await page.getByRole('heading', { name: '征集投票' }).count()).toBe(0);
    expect(problems.filter((problem) => !/403/.test(problem))).toEqual([]);
  });

  it('征集投票: create a poll from the units by keyboard, open it, see a public vote arrive live, close it', async () => {
    const { page, problems } = await newPage();
    await logInAsAdmin(page, '/admin/polls');
    await page.getByRole('heading', { name: '征集投票', level: 1 }).waitFor();
    await page.getByText('票数实时更新中').waitFor();

    await page.getByLabel('投票标题').focus();
    await page.keyboard.type(pollTitle);
    for (const unit of ['宁德市住房和城乡建设局', '宁德市城市管理局', '宁德市卫生健康委员会']) {
      await page.getByRole('checkbox', { name: unit }).focus();
      await page.keyboard.press('Space');
    }
    await page.getByRole('group', { name: /候选单位（已选 3 个）/ }).waitFor();
    await page.getByRole('button', { name: '创建投票' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '已创建投票（草稿）' }).waitFor();

    const poll = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(pollTitle) }) });
    await poll.getByText('草稿').waitFor();
    await poll.getByRole('button', { name: '开始投票' }).click();
    await poll.getByText('进行中').waitFor();
    const created = (await api<{ items: { id: string; title: string; status: string }[] }>('/api/admin/polls')).body.items.find(
      (item) => item.title === pollTitle,
    )!;
    expect(created.status).toBe('open');

    // The vote arrives over socket.io: the page is not reloaded, its table changes.
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    expect(await castPublicVote(created.id, 'zjj')).toBe(201);
    const table = poll.getByRole('table', { name: `${pollTitle}的票数` });
    await table.getByRole('row', { name: /宁德市住房和城乡建设局 1 100\.0%/ }).waitFor({ timeout: 10_000 });
    await poll.getByText('共 1 票').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.screenshot({ path: path.join(outputFolder, 'admin-polls-live-vote.png'), fullPage: true });

    await poll.getByRole('button', { name: '结束投票' }).click();
    await poll.getByText('已结束').waitFor();
    expect(await castPublicVote(created.id, 'cgj')).toBe(409);
    const audit = (
      await api<{ items: { what: string; target: string | null; before: unknown; after: unknown }[] }>('/api/admin/audit-log?limit=50')
    ).body.items;
    const closing = audit.find((entry) => entry.what === 'poll.close' && entry.target === created.id)!;
    expect([(closing.before as { status: string }).status, (closing.after as { status: string }).status]).toEqual(['open', 'closed']);
    expect(audit.some((entry) => entry.what === 'poll.create' && entry.target === created.id)).toBe(true);
    expect(audit.some((entry) => entry.what === 'poll.open' && entry.target === created.id)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('下期建议: candidates with reasons whose numbers are the vote tally and the hot-topic counts; a preview in one step', async () => {
    // Votes on the demo poll (open), so shares are not all zero.
    expect(await castPublicVote('poll-demo-next-unit', 'cgj')).toBe(201);
    expect(await castPublicVote('poll-demo-next-unit', 'cgj')).toBe(201);
    expect(await castPublicVote('poll-demo-next-unit', 'wjw')).toBe(201);

    const { page, problems } = await newPage();
    await logInAsAdmin(page, '/admin/polls');
    await page.getByLabel('下期建议依据的投票').selectOption({ label: '下期领导接线单位征集：您最希望哪个单位的负责人来接听热线？' });
    const section = page.getByRole('region', { name: '下期建议' });
    await section.getByText(/权重：得票占比 40%，诉求量 25%，诉求增长 15%，未办结占比 20%/).waitFor({ timeout: 60_000 });
    const suggestions = (await api<Suggestions>('/api/admin/next-unit-suggestions?pollId=poll-demo-next-unit')).body;
    const tally = (
      await api<{ items: { id: string; options: { unitId: string; votes: number }[] }[] }>('/api/admin/polls')
    ).body.items.find((poll) => poll.id === 'poll-demo-next-unit')!.options;
    const totalVotes = tally.reduce((sum, option) => sum + option.votes, 0);
    expect(totalVotes).toBe(3);
    expect(suggestions.items).toHaveLength(tally.length);

    const hotTopicCount = async (unitId: string, period: { from: string; to: string }) => {
      const query = new URLSearchParams(period);
      const topics = (await api<{ items: { count: number }[] }>(`/api/units/${unitId}/hot-topics?${query}`)).body.items;
      return topics.reduce((sum, topic) => sum + topic.count, 0);
    };
    const items = section.getByRole('list').first().locator(':scope > li');
    expect(await items.count()).toBe(suggestions.items.length);
    for (const [index, item] of suggestions.items.entries()) {
      const votes = tally.find((option) => option.unitId === item.unitId)!.votes;
      const recent = await hotTopicCount(item.unitId, suggestions.period);
      const previous = await hotTopicCount(item.unitId, suggestions.previousPeriod);
      expect([item.unitId, item.votes, item.recentAppeals, item.previousAppeals]).toEqual([item.unitId, votes, recent, previous]);
      // What the panel shows, in words, carries the same numbers.
      const shown = items.nth(index);
      await shown.getByRole('heading', { name: new RegExp(`第${index + 1}名 ${item.unitName}`) }).waitFor();
      const reasons = await shown.getByRole('listitem').allTextContents();
      expect(reasons[0]).toBe(`得票 ${votes} 票，占本期 ${totalVotes} 票的 ${((votes / totalVotes) * 100).toFixed(1)}%`);
      if (recent + previous > 0) {
        expect(reasons[1]).toMatch(new RegExp(`^近30天职责范围内高频诉求 ${recent} 件（此前同期 ${previous} 件`));
      }
      if (recent > 0) expect(reasons[2]).toMatch(new RegExp(`^其中尚未办结 ${item.unresolvedAppeals} 件`));
    }
    const best = suggestions.items[0]!;
    expect(suggestions.items.some((item) => item.recentAppeals > 0)).toBe(true);
    await page.screenshot({ path: path.join(outputFolder, 'admin-polls-next-unit.png'), fullPage: true });

    // A new vote reaches 下期建议 too, without a reload.
    expect(await castPublicVote('poll-demo-next-unit', 'cgj')).toBe(201);
    await section.getByText('得票 3 票，占本期 4 票的 75.0%').waitFor({ timeout: 20_000 });

    await section.getByRole('button', { name: `安排${best.unitName}接线` }).click();
    await section
      .getByRole('status')
      .filter({ hasText: `已生成${best.unitName}的接线预告草稿` })
      .waitFor();
    const previews = (await api<{ items: { unit: { id: string }; published: boolean; scope: string }[] }>('/api/admin/previews')).body
      .items;
    const drafted = previews.filter((preview) => preview.unit.id === best.unitId && !preview.published);
    expect(drafted).toHaveLength(1);
    expect(drafted[0]!.scope.length).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('接线预告: create, publish, push to WeChat in one 群发 with the link, set the menu, and show WeChat’s error codes', async () => {
    const { page, problems } = await newPage();
    await logInAsAdmin(page, '/admin/previews');
    await page.getByRole('heading', { name: '接线预告', level: 1 }).waitFor();
    await page.getByLabel('接线单位').selectOption({ label: '宁德市水利局' });
    await page.getByLabel('开始时间（北京时间）').fill('2027-01-12T15:00');
    await page.getByLabel('结束时间（北京时间）').fill('2027-01-12T17:00');
    await page.getByLabel('接线领导职务').fill('宁德市水利局局长');
    await page.getByLabel('接线范围').fill('水利工程；防汛抗旱；农村饮水安全');
    await page.getByLabel('参与方式').fill('当天拨打12345热线电话，或在栏目留言。');
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await page.getByRole('status').filter({ hasText: '已保存为草稿：宁德市水利局' }).waitFor();

    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /宁德市水利局/ }) })
      .filter({ hasText: '2027年1月12日' });
    await item.getByRole('button', { name: '修改' }).click();
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id),
    ).toBe('edit-preview-unit');
    await page.getByLabel('接线领导职务').fill('宁德市水利局副局长');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByRole('status').filter({ hasText: '已保存修改：宁德市水利局' }).waitFor();
    await item.getByText('宁德市水利局副局长').waitFor();
    await item.getByRole('button', { name: '发布' }).click();
    await item.getByText('已发布').waitFor();
    const previewId = (
      await api<{ items: { id: string; unit: { id: string }; startsAt: string }[] }>('/api/admin/previews')
    ).body.items.find((preview) => preview.unit.id === 'slj' && preview.startsAt === '2027-01-12T07:00:00.000Z')!.id;
    expect((await fetch(`${served.url}/api/previews/${previewId}`)).status).toBe(200);

    await item.getByRole('button', { name: '推送到微信' }).click();
    await page.getByRole('status').filter({ hasText: '已推送到微信公众号' }).waitFor();
    expect(wechatApi.massSends).toHaveLength(1);
    const sent = wechatApi.massSends[0]!.body;
    expect(sent.filter).toEqual({ is_to_all: true });
    expect(sent.text!.content).toContain(`${publicBaseUrl}/previews/${previewId}`);
    expect(sent.text!.content).toContain('宁德市水利局');

    wechatApi.failNext('/cgi-bin/message/mass/sendall', 45028, 'has no masssend quota');
    await item.getByRole('button', { name: '推送到微信' }).click();
    await page.getByRole('alert').filter({ hasText: '微信返回错误码 45028' }).waitFor();
    expect(wechatApi.massSends).toHaveLength(1);

    const wechat = page.getByRole('region', { name: '微信公众号' });
    expect(await wechat.getByRole('listitem').allTextContents()).toEqual(['预告', '投票', '问小宁']);
    await wechat.getByRole('button', { name: '设置公众号菜单' }).click();
    await wechat.getByRole('status').filter({ hasText: '公众号菜单已设置：预告、投票、问小宁' }).waitFor();
    expect(wechatApi.menus.map((menu) => menu.body.button.map((button) => button.name))).toEqual([['预告', '投票', '问小宁']]);
    wechatApi.failNext('/cgi-bin/menu/create', 40018, 'invalid button name size');
    await wechat.getByRole('button', { name: '设置公众号菜单' }).click();
    await wechat.getByRole('alert').filter({ hasText: '微信返回错误码 40018：菜单按钮名称过长' }).waitFor();
    await page.screenshot({ path: path.join(outputFolder, 'admin-previews-wechat-error.png'), fullPage: true });

    const audit = (
      await api<{ items: { what: string; target: string | null; before: unknown; after: unknown }[] }>('/api/admin/audit-log?limit=50')
    ).body.items;
    const publish = audit.find((entry) => entry.what === 'preview.publish' && entry.target === previewId)!;
    expect([(publish.before as { published: boolean }).published, (publish.after as { published: boolean }).published]).toEqual([
      false,
      true,
    ]);
    expect(
      audit
        .filter((entry) => entry.what === 'preview.wechat-push' && entry.target === previewId)
        .map((entry) => (entry.after as { errcode: number | null }).errcode),
    ).toEqual([45028, null]);
    expect(audit.filter((entry) => entry.what === 'wechat.menu')).toHaveLength(2);

    // Withdraw and delete: the delete asks first.
    await item.getByRole('button', { name: '撤回' }).click();
    await item.getByText('草稿').waitFor();
    await item.getByRole('button', { name: '删除' }).click();
    await item.getByRole('button', { name: '确定删除' }).click();
    await page.getByRole('status').filter({ hasText: '已删除：宁德市水利局' }).waitFor();
    expect((await api(`/api/admin/previews`)).body).not.toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: previewId })]),
    });
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('both pages at 375 px: no sideways scrolling, reachable by keyboard, no serious accessibility violation', async () => {
    const { page, problems } = await newPage({ width: 375, height: 800 });
    await logInAsAdmin(page, '/admin/previews');
    await page.getByRole('heading', { name: '全部预告' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: '已发布' }).first().waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await tabUntil(page, (focused) => focused.text === '设置公众号菜单', 300);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'admin-previews-375.png'), fullPage: true });

    await page.getByRole('link', { name: '征集投票' }).click();
    await page.getByRole('heading', { name: '征集投票', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: '下期建议' })
      .getByText(/权重：/)
      .waitFor({ timeout: 60_000 });
    expect(await horizontalOverflow(page)).toEqual([]);
    await tabUntil(page, (focused) => focused.text === '创建投票', 300);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'admin-polls-375.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
