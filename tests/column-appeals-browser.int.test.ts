import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { horizontalOverflow, seriousViolations, tabUntil, watchProblems } from './support/page-checks';
import { createTestApp } from './support/test-app';
import { ensureWebchatBuilt } from './support/webchat-bundle';

jest.setTimeout(300_000);

const outputFolder = path.resolve(__dirname, '../test-output');
const publicBaseUrl = 'https://column.example.cn';

interface ListItem {
  id: string;
  title: string;
  status: string;
  hasReply: boolean;
  replyExcerpt: string | null;
}
interface AppealPage {
  items: ListItem[];
  total: number;
  asOf: string;
}
interface Policy {
  source: string;
  title: string;
  headingPath: string[];
  excerpt: string;
}
interface Detail extends ListItem {
  reply: string | null;
  content: string;
  insights: { relatedPolicies: Policy[]; similarAppeals: { id: string }[] };
}
interface Explanation {
  points: { kind: string; text: string; quote: string; source: { kind: 'reply' } | ({ kind: 'policy' } & Policy) }[];
  writtenBy: string;
}

/** The words an offline explanation may add to a quote: its fixed leads (hotline/explanations/offline-explanation.ts). */
const fixedLead = /^(答复中说：|答复中告诉您：|答复中提到的依据：|《[^》]+》[^：]*规定：)$/u;
const phoneNumber = /(?<!\d)1[3-9]\d{9}(?!\d)/u;
const idNumber = /(?<!\d)\d{17}[\dXx](?!\d)/u;

const chinaMonth = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
const shiftMonth = (month: string, by: number) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

describe('往期回顾, 诉求详情, AI详解 and 数据分析 in Chromium (real app, demo data, laws)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async (width = 1280) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    return { page, problems: watchProblems(page) };
  };
  const api = async <T>(route: string): Promise<T> => (await fetch(`${served.url}${route}`)).json() as Promise<T>;
  const listTitles = (page: Page) => page.locator('.appeal-item h3').allTextContents();
  const waitForList = (page: Page, text: string | RegExp) =>
    page.getByRole('region', { name: '诉求列表' }).getByRole('status').filter({ hasText: text }).waitFor();

  beforeAll(async () => {
    ensureWebchatBuilt();
    fs.mkdirSync(outputFolder, { recursive: true });
    // One browser here stands for many visitors (about 400 API requests in a minute on a fast run), which the
    // per-address /api limit rightly refuses; the limit itself is tested in app.int and multi-process.
    testApp = await createTestApp(
      { VECTOR_STORE: 'off', PUBLIC_BASE_URL: publicBaseUrl, API_RATE_LIMIT_PER_MINUTE: '0' },
      { knowledge: true, demoData: true },
    );
    await testApp.knowledge!.ingester.ingestPaths([path.resolve(__dirname, '../data/demo/knowledge/laws')]);
    served = await testApp.listen();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await served?.close();
    await testApp?.close();
  });

  it('choosing 霞浦县 lists exactly /api/appeals?unitId=xpx; the unit is found by its alias; the view is in the address', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${served.url}/appeals`);
    await page.getByRole('heading', { level: 1, name: '往期回顾' }).waitFor();
    const selector = page.getByRole('combobox', { name: '选择单位' });
    expect(await selector.locator('optgroup').evaluateAll((groups) => groups.map((group) => group.getAttribute('label')))).toEqual([
      '市直部门',
      '县（市、区）',
    ]);
    expect(await selector.locator('option').count()).toBe(29);
    await selector.selectOption({ label: '霞浦县人民政府' });
    await page.waitForURL(/\/appeals\?unit=xpx$/);
    const expected = await api<AppealPage>('/api/appeals?unitId=xpx&pageSize=10');
    expect(expected.total).toBeGreaterThan(10);
    await waitForList(page, `霞浦县人民政府：共 ${expected.total} 条`);
    expect(await listTitles(page)).toEqual(expected.items.map((item) => item.title));

    // A shared address opens the same view; the alias 霞浦 finds the unit by keyboard.
    const shared = await newPage();
    await shared.page.goto(`${served.url}/appeals?unit=xpx`);
    await waitForList(shared.page, `共 ${expected.total} 条`);
    expect(await listTitles(shared.page)).toEqual(expected.items.map((item) => item.title));
    await page.goto(`${served.url}/appeals`);
    await page.getByRole('searchbox', { name: '查找单位' }).fill('霞浦');
    await page.getByRole('searchbox', { name: '查找单位' }).press('Enter');
    await page.waitForURL(/unit=xpx/);
    expect(await selector.inputValue()).toBe('xpx');
    await page.getByRole('searchbox', { name: '查找单位' }).fill('卫健委');
    expect(await selector.locator('option').allTextContents()).toEqual(['全部单位', '宁德市卫生健康委员会', '霞浦县人民政府']);
    expect(problems).toEqual([]);
  });

  it('a marked day of 接线日历 lists exactly that day’s appeals; months can be paged; the chosen unit narrows the calendar', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${served.url}/appeals`);
    const calendar = page.getByRole('region', { name: '接线日历' });
    let month = chinaMonth();
    let days = (await api<{ days: { date: string; count: number }[] }>(`/api/appeals/calendar?month=${month}`)).days;
    if (!days.some((day) => day.count > 0)) {
      await calendar.getByRole('button', { name: /上个月/ }).click();
      month = shiftMonth(month, -1);
      days = (await api<{ days: { date: string; count: number }[] }>(`/api/appeals/calendar?month=${month}`)).days;
    }
    await calendar.locator('.calendar-month', { hasText: `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月` }).waitFor();
    const marked = calendar.locator('.day-button');
    await marked.first().waitFor();
    expect(await marked.count()).toBe(days.length);
    const day = days.find((each) => each.count > 0)!;
    const button = calendar.getByRole('button', {
      name: new RegExp(`^${Number(day.date.slice(5, 7))}月\\s*${Number(day.date.slice(8))}\\s*日，.*${day.count}件\\s*诉求$`),
    });
    expect(await button.textContent()).toContain(`${day.count}件`);
    await button.click();
    await page.waitForURL(new RegExp(`date=${day.date}`));
    const expected = await api<AppealPage>(`/api/appeals?date=${day.date}&pageSize=10`);
    expect(expected.total).toBe(day.count);
    await waitForList(page, `共 ${day.count} 条`);
    expect(await listTitles(page)).toEqual(expected.items.map((item) => item.title));
    await page.screenshot({ path: path.join(outputFolder, 'column-appeals-day.png'), fullPage: true });

    await calendar.getByRole('button', { name: /下个月/ }).click();
    await calendar
      .locator('.calendar-month', { hasText: `${Number(shiftMonth(month, 1).slice(0, 4))}年${Number(shiftMonth(month, 1).slice(5))}月` })
      .waitFor();
    await page.waitForURL(/month=/);
    // A unit without sessions that month: the calendar says so in plain words.
    const quiet = (await api<{ items: { id: string; name: string }[] }>('/api/units')).items;
    for (const unit of quiet) {
      const unitDays = (await api<{ days: unknown[] }>(`/api/appeals/calendar?month=${month}&unitId=${unit.id}`)).days;
      if (unitDays.length > 0) continue;
      await page.goto(`${served.url}/appeals?unit=${unit.id}&month=${month}`);
      await calendar.getByText(/没有这个单位的接线/).waitFor();
      break;
    }
    expect(problems).toEqual([]);
  });

  it('a replied appeal shows the reply and AI详解; an open one its status alone; paging stays put while appeals arrive', async () => {
    const { page, problems } = await newPage();
    const first = await api<AppealPage>('/api/appeals?unitId=xpx&pageSize=10');
    const open = first.items.find((item) => !item.hasReply)!;
    const replied = first.items.find((item) => item.hasReply)!;
    await page.goto(`${served.url}/appeals?unit=xpx`);
    await waitForList(page, '共');
    const openCard = page.locator('.appeal-item').filter({ has: page.getByRole('heading', { name: open.title, exact: true }) });
    expect(await openCard.locator('.appeal-status').textContent()).toBe(`办理状态：${open.status}`);
    expect(await openCard.locator('.reply-excerpt').count()).toBe(0);
    expect(await openCard.getByRole('button', { name: /AI详解/ }).count()).toBe(0);

    const repliedCard = page.locator('.appeal-item').filter({ has: page.getByRole('heading', { name: replied.title, exact: true }) });
    expect(await repliedCard.locator('.reply-excerpt').textContent()).toBe(`答复：${replied.replyExcerpt}`);
    await repliedCard.getByRole('button', { name: /AI详解/ }).click();
    const panel = repliedCard.getByRole('region', { name: 'AI详解' });
    await panel.locator('.point-text').first().waitFor();
    const explanation = await api<Explanation>(`/api/appeals/${replied.id}/explanation`);
    expect(await panel.locator('.point-text').allTextContents()).toEqual(explanation.points.map((point) => point.text));
    expect(await panel.textContent()).toContain('以答复原文为准');
    await page.screenshot({ path: path.join(outputFolder, 'column-appeals-explanation.png'), fullPage: true });

    // Page 2 is read as of page 1, so an appeal arriving meanwhile shifts nothing.
    await testApp.services.repositories.appeals.insertMissing([
      {
        id: 'arrived-meanwhile',
        unitId: 'xpx',
        receivedAt: new Date(),
        title: '刚收到的诉求',
        content: '刚收到的诉求内容',
        status: '办理中',
        source: 'test',
      },
    ]);
    await page.getByRole('button', { name: '下一页' }).click();
    await page.waitForURL(/page=2/);
    await waitForList(page, '第 2 /');
    const second = await api<AppealPage>(`/api/appeals?unitId=xpx&pageSize=10&page=2&asOf=${encodeURIComponent(first.asOf)}`);
    expect(await listTitles(page)).toEqual(second.items.map((item) => item.title));
    const shifted = await api<AppealPage>('/api/appeals?unitId=xpx&pageSize=10&page=2');
    expect(shifted.items[0]!.id).not.toBe(second.items[0]!.id);
    expect(problems).toEqual([]);
  });

  it('AI详解 of 20 replied appeals: every point is a fixed lead and a quote of the reply or a cited passage; 404 and 409 in Chinese', async () => {
    const replied: ListItem[] = [];
    for (let page = 1; replied.length < 20 && page <= 10; page += 1) {
      replied.push(...(await api<AppealPage>(`/api/appeals?pageSize=50&page=${page}`)).items.filter((item) => item.hasReply));
    }
    let explained = 0;
    for (const item of replied.slice(0, 20)) {
      const detail = await api<Detail>(`/api/appeals/${item.id}`);
      const explanation = await api<Explanation>(`/api/appeals/${item.id}/explanation`);
      expect(explanation.writtenBy).toBe('offline');
      if (explanation.points.length > 0) explained += 1;
      for (const point of explanation.points) {
        expect(point.text.endsWith(point.quote)).toBe(true);
        expect(point.text.slice(0, point.text.length - point.quote.length)).toMatch(fixedLead);
        if (point.source.kind === 'reply') expect(detail.reply!.replace(/[\u3000\s]+/gu, ' ')).toContain(point.quote);
        else {
          const cited = point.source;
          expect(detail.insights.relatedPolicies.some((policy) => policy.source === cited.source && policy.excerpt === cited.excerpt)).toBe(
            true,
          );
          expect(cited.excerpt).toContain(point.quote);
        }
      }
    }
    expect(explained).toBeGreaterThanOrEqual(18);

    const missing = await fetch(`${served.url}/api/appeals/no-such-appeal/explanation`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('没有找到这条诉求。');
    const open = (await api<AppealPage>('/api/appeals?pageSize=50')).items.find((item) => !item.hasReply)!;
    const early = await fetch(`${served.url}/api/appeals/${open.id}/explanation`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { message: string } }).error.message).toContain('答复还没有公开');
  });

  it('诉求详情 shows 小宁分析 with “暂无” where nothing clears its threshold, never a guess; AI详解 only with a reply', async () => {
    const { page, problems } = await newPage(375);
    let noPolicy: Detail | undefined;
    let noSimilar: Detail | undefined;
    let withPolicy: Detail | undefined;
    for (let number = 1; number <= 6 && !(noPolicy && noSimilar && withPolicy); number += 1) {
      for (const item of (await api<AppealPage>(`/api/appeals?pageSize=50&page=${number}`)).items) {
        const detail = await api<Detail>(`/api/appeals/${item.id}`);
        if (!noPolicy && detail.insights.relatedPolicies.length === 0) noPolicy = detail;
        if (!noSimilar && detail.insights.similarAppeals.length === 0) noSimilar = detail;
        if (!withPolicy && detail.insights.relatedPolicies.length > 0 && detail.reply) withPolicy = detail;
      }
    }
    expect(noPolicy && noSimilar && withPolicy).toBeTruthy();
    const insights = page.getByRole('region', { name: '小宁分析' });
    const sectionAfter = (heading: string) => insights.locator(`h3:text-is("${heading}") + *`);

    await page.goto(`${served.url}/appeals/${noPolicy!.id}`);
    await page.getByRole('heading', { level: 1, name: noPolicy!.title }).waitFor();
    expect(await sectionAfter('政策依据').textContent()).toBe('暂无');
    await page.goto(`${served.url}/appeals/${noSimilar!.id}`);
    await page.getByRole('heading', { level: 1, name: noSimilar!.title }).waitFor();
    expect(await sectionAfter('相似诉求').textContent()).toBe('暂无');
    expect(await page.getByRole('button', { name: 'AI详解' }).count()).toBe(noSimilar!.reply ? 1 : 0);

    // 政策依据 opens the excerpt, and its 查看原文 opens the article on the column.
    await page.goto(`${served.url}/appeals/${withPolicy!.id}`);
    await page.getByRole('heading', { level: 1, name: withPolicy!.title }).waitFor();
    const [policy] = withPolicy!.insights.relatedPolicies;
    const policies = sectionAfter('政策依据');
    await policies.locator('summary').first().click();
    expect(await policies.locator('.excerpt').first().textContent()).toBe(policy!.excerpt);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'column-appeal-detail.png'), fullPage: true });
    await page.getByRole('button', { name: 'AI详解' }).click();
    await page.getByRole('region', { name: 'AI详解' }).locator('.point-text').first().waitFor();
    await policies.getByRole('link', { name: '查看原文' }).first().click();
    await page.waitForURL(/\/policies\?source=/);
    await page.getByRole('heading', { level: 1, name: new RegExp(policy!.title) }).waitFor();
    expect(await page.locator('.passage-text').first().textContent()).toContain(policy!.excerpt.slice(0, 20));
    expect(await seriousViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'column-policy.png'), fullPage: true });
    await page.goto(`${served.url}/policies?source=no/such.md`);
    await page.getByRole('heading', { level: 1, name: '没有找到这段政策原文' }).waitFor();
    expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
  });

  it('数据分析: keyboard alone drills 卫生健康 into its type pie with the counts of /api/stats/types?category=卫生健康', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${served.url}/stats`);
    await page.getByRole('heading', { level: 1, name: '诉求数据分析' }).waitFor();
    const categories = await api<{ items: { category: string; count: number }[] }>('/api/stats/categories');
    const table = page.getByRole('table', { name: /各类别诉求件数/ });
    await table.waitFor();
    expect(await table.locator('tbody th').allTextContents()).toEqual(categories.items.map((item) => item.category));
    expect(await table.locator('tbody td:nth-of-type(1)').allTextContents()).toEqual(categories.items.map((item) => String(item.count)));
    await page.getByRole('img', { name: /诉求类别柱状图/ }).waitFor();

    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await tabUntil(page, (focused) => focused.text === '看卫生健康的类型分布', 200);
    await page.keyboard.press('Enter');
    const drill = page.getByRole('region', { name: '卫生健康的诉求类型' });
    await drill.getByRole('table').waitFor();
    await page.waitForURL(/category=/);
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent,
      ),
    ).toBe('卫生健康的诉求类型');
    const expected = await api<{ items: { type: string; count: number }[] }>(`/api/stats/types?category=${encodeURIComponent('卫生健康')}`);
    expect(await drill.locator('tbody th').allTextContents()).toEqual(expected.items.map((item) => item.type));
    expect(await drill.locator('tbody td:nth-of-type(1)').allTextContents()).toEqual(expected.items.map((item) => String(item.count)));
    await drill.getByRole('img', { name: /卫生健康的诉求类型饼图/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'column-stats.png'), fullPage: true });

    // ECharts drew every chart as SVG in its labelled box, and clicking a bar drills down as the buttons do.
    for (const name of [/诉求类别柱状图/, /全部诉求类型饼图/, /诉求趋势折线图/])
      await page.getByRole('img', { name }).locator('svg path').first().waitFor({ state: 'attached' });
    const bars = page.getByRole('img', { name: /诉求类别柱状图/ });
    await bars.scrollIntoViewIfNeeded();
    const box = (await bars.boundingBox())!;
    const rowHeight = (box.height - 8) / categories.items.length;
    // The top bar is the largest category's: it spans most of the drawing's width.
    await bars.click({ position: { x: box.width * 0.6, y: 4 + rowHeight / 2 } });
    const clicked = page.getByRole('region', { name: `${categories.items[0]!.category}的诉求类型` });
    await clicked.getByRole('table').waitFor();
    await clicked.getByRole('img', { name: new RegExp(`${categories.items[0]!.category}的诉求类型饼图`) }).waitFor();

    // The unit filter: every chart follows it.
    await page.getByRole('combobox', { name: '选择单位' }).selectOption({ label: '霞浦县人民政府' });
    await page.waitForURL(/unit=xpx/);
    const scoped = await api<{ items: { category: string; count: number }[] }>('/api/stats/categories?unitId=xpx');
    await page.getByRole('table', { name: /各类别诉求件数（霞浦县人民政府/ }).waitFor();
    expect(
      await page
        .getByRole('table', { name: /各类别诉求件数/ })
        .locator('tbody td:nth-of-type(1)')
        .allTextContents(),
    ).toEqual(scoped.items.map((item) => String(item.count)));
    expect(problems).toEqual([]);
  });

  it('the charts’ code is loaded on 数据分析 only; at 375 px nothing overflows; axe finds nothing serious on 往期回顾', async () => {
    const { page, problems } = await newPage(375);
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto(`${served.url}/appeals?unit=xpx`);
    await waitForList(page, '共');
    await page.getByRole('region', { name: '接线日历' }).locator('.day-button').first().waitFor();
    expect(scripts.some((script) => script.includes('stats-page'))).toBe(false);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'column-appeals-375.png'), fullPage: true });
    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '数据分析' }).click();
    await page.getByRole('table', { name: /各类别诉求件数/ }).waitFor();
    expect(scripts.some((script) => script.includes('stats-page'))).toBe(true);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'column-stats-375.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('no unmasked phone number, ID number or cued full name on any list page or on 50 details', async () => {
    await testApp.services.repositories.appeals.insertMissing([
      {
        id: 'with-personal-data',
        unitId: 'xpx',
        receivedAt: new Date('2026-01-05T02:00:00Z'),
        title: '本人唐铁有反映路灯不亮',
        content: '本人唐铁有，电话13912345678，身份证350902199001011234，小区路灯坏了。联系人：邹民为',
        citizenLabel: '唐铁有',
        status: '办理中',
        source: 'test',
      },
    ]);
    const { page } = await newPage();
    const units = (await api<{ items: { id: string }[] }>('/api/units')).items;
    const leaks: string[] = [];
    const scan = async (address: string) => {
      await page.goto(`${served.url}${address}`);
      if (address.startsWith('/appeals/')) {
        await page.locator('.appeal-facts, [role=alert]').first().waitFor();
        expect(`${address}: ${await page.locator('[role=alert]').allInnerTexts()}`).toBe(`${address}: `);
      } else await waitForList(page, '共');
      const text = await page.locator('main').innerText();
      for (const pattern of [phoneNumber, idNumber, /唐铁有|邹民为/u])
        if (pattern.test(text)) leaks.push(`${address}: ${pattern.exec(text)![0]}`);
    };
    await scan('/appeals');
    for (const unit of units) await scan(`/appeals?unit=${unit.id}`);
    const details = ['with-personal-data', ...(await api<AppealPage>('/api/appeals?pageSize=49&page=3')).items.map((item) => item.id)];
    for (const id of details) await scan(`/appeals/${id}`);
    expect(details).toHaveLength(50);
    expect(leaks).toEqual([]);
    await page.goto(`${served.url}/appeals/with-personal-data`);
    expect(await page.locator('.appeal-content').textContent()).toContain('本人唐**，电话139****5678');
  });

  it('the widget links a cited passage to its article at PUBLIC_BASE_URL, and 在本栏目提交诉求 to the 我要留言 form', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${served.url}/appeals`);
    await page.getByRole('button', { name: '问小宁' }).click();
    const input = page.getByRole('textbox', { name: /输入/ });
    await input.fill('业主共同决定哪些事项？');
    await input.press('Enter');
    const sourceButton = page.locator('.xn-source-link').first();
    await sourceButton.waitFor({ timeout: 30_000 });
    await sourceButton.click();
    const link = page.getByRole('link', { name: /在栏目里看这一条的原文/ });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith(`${publicBaseUrl}/policies?source=`)).toBe(true);
    const local = new URL(href);
    await page.goto(`${served.url}${local.pathname}${local.search}`);
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /条例|法/ })
      .waitFor();

    await page.getByRole('button', { name: '问小宁' }).click();
    await input.fill('今天天气怎么样？适合去哪里玩？');
    await input.press('Enter');
    const leave = page.locator('.xn-inline-link').last();
    await leave.waitFor({ timeout: 30_000 });
    expect(await leave.getAttribute('href')).toBe(`${publicBaseUrl}/#leave-message`);
    expect(await leave.textContent()).toMatch(/栏目/);
    await page.screenshot({ path: path.join(outputFolder, 'column-widget-links.png') });
    expect(problems).toEqual([]);
  });
});
