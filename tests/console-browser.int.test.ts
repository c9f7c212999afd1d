import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createUserAccount } from '../server/auth/user-accounts';
import { ensureAdminBuilt } from './support/admin-bundle';
import { launchChromium } from './support/chromium';
import { logIn } from './support/service-process';
import { createTestApp } from './support/test-app';

jest.setTimeout(300_000);

const outputFolder = path.resolve(__dirname, '../test-output');
const password = 'console-secret-pass-7';
const elevatorCall = '我们小区电梯坏了一个多月了物业一直不修，老人上下楼很困难';
const gasLeakCall = '我家厨房有很浓的煤气味，好像燃气泄漏了，怎么办';

/** What an official would suffer from: script errors, CSP violations, failed loads (403 pages aside, on purpose). */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/40[134]/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return problems;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const document = (globalThis as unknown as { document: InPageDocument }).document;
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll('body *')]
      .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > width + 0.5)
      .filter((element) => !element.closest('.visually-hidden, .skip-link'))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return document.documentElement.scrollWidth > width ? ['page scrolls sideways', ...outside] : outside;
  });

interface TimingScope {
  timing: { lastInput: number; shown: number };
  performance: { now(): number };
  document: {
    getElementById(id: string): { addEventListener(type: string, listener: () => void): void } | null;
    querySelector(selector: string): unknown;
    body: unknown;
  };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: Record<string, boolean>): void };
}

interface InPageElement {
  tagName: string;
  className: string;
  getClientRects(): { length: number };
  getBoundingClientRect(): { right: number };
  closest(selector: string): unknown;
}
interface InPageDocument {
  documentElement: { clientWidth: number; scrollWidth: number };
  querySelectorAll(selector: string): Iterable<InPageElement>;
}

describe('officials’ console in Chromium (real app, demo data, laws)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let submissionId: string;
  const contexts: BrowserContext[] = [];
  const newPage = async (viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ viewport });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.url });
    contexts.push(context);
    const page = await context.newPage();
    return { page, context, problems: watchProblems(page) };
  };
  /** Logs in through the form, by keyboard: username, Tab, password, Enter. */
  const logInByKeyboard = async (page: Page, username: string) => {
    await page.getByLabel('用户名').focus();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    ensureAdminBuilt();
    fs.mkdirSync(outputFolder, { recursive: true });
    testApp = await createTestApp({ VECTOR_STORE: 'off' }, { knowledge: true, demoData: true });
    await testApp.knowledge!.ingester.ingestPaths([path.resolve(__dirname, '../data/demo/knowledge/laws')]);
    const { repositories } = testApp.services;
    await createUserAccount(repositories, { username: 'housing-official', password, role: 'official', unitId: 'zjj' }, 'test');
    await createUserAccount(repositories, { username: 'fund-official', password, role: 'official', unitId: 'gjj' }, 'test');
    await createUserAccount(repositories, { username: 'console-admin', password, role: 'admin' }, 'test');
    await createUserAccount(repositories, { username: 'some-citizen', password, role: 'citizen' }, 'test');
    submissionId = 'submission-console-1';
    await repositories.submissions.create({
      id: submissionId,
      unitId: 'zjj',
      voterId: 'web:v_console',
      content: '我们小区的电梯经常停运，物业说没钱修，请问住建局怎么管？',
    });
    await repositories.submissions.moderate(submissionId, { status: 'published', moderatedBy: 'console-admin', moderatedAt: new Date() });
    served = await testApp.listen();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await served?.close();
    await testApp?.close();
  });

  it('sends an anonymous visitor and a citizen to the login, keeping the page asked for', async () => {
    const anonymous = await fetch(`${served.url}/admin/desk/zjj`, { redirect: 'manual', headers: { Accept: 'text/html' } });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fdesk%2Fzjj');
    const citizen = await logIn(served.url, 'some-citizen', password);
    const asCitizen = await fetch(`${served.url}/admin/desk`, { redirect: 'manual', headers: { Cookie: citizen.cookie } });
    expect(asCitizen.status).toBe(302);
    expect((await fetch(`${served.url}/api/units/zjj/hot-topics`, { headers: { Cookie: citizen.cookie } })).status).toBe(403);

    const { page, problems } = await newPage();
    await page.goto(`${served.url}/admin/desk`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await logInByKeyboard(page, 'some-citizen');
    await page.getByRole('alert').filter({ hasText: '市民账号' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'console-login.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('an official of the housing bureau: 接线台 of their unit, topics within its duties, live analysis within 1 s', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${served.url}/admin/login`);
    await logInByKeyboard(page, 'housing-official');
    await page.getByRole('heading', { name: '接线台', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/desk');
    await page.getByText('宁德市住房和城乡建设局').first().waitFor();

    // 高频诉求: the API's topics, each with its summary; never the housing fund (another unit's duty).
    const hotTopics = page.getByRole('region', { name: '高频诉求' });
    await page.getByRole('radio', { name: '全部' }).check();
    await hotTopics.locator('.topic').first().waitFor();
    const topicNames = await hotTopics.locator('.topic h3').allTextContents();
    expect(topicNames.length).toBeGreaterThan(0);
    expect(topicNames.join()).not.toContain('住房公积金');
    const summaries = await hotTopics.locator('.topic-summary').allTextContents();
    for (const summary of summaries) expect(summary).toMatch(/^反映较多的是：/u);
    for (const name of ['近一个月', '近三个月', '全部']) await page.getByRole('radio', { name }).waitFor();
    // Each topic lists every one of its appeals: 全部诉求（N件） with N the topic's count.
    const firstTopic = hotTopics.locator('.topic').first();
    const count = Number(/(\d+)件/.exec((await firstTopic.locator('.topic-count').textContent()) ?? '')?.[1]);
    await firstTopic.locator('.all-appeals summary').click();
    expect(await firstTopic.locator('.all-appeals summary').textContent()).toBe(`全部诉求（${count}件，新的在前）`);
    expect(await firstTopic.locator('.all-appeals .topic-appeals li').count()).toBe(count);

    // 来电分析: the analysis follows the text as it is typed.
    const analysisRegion = page.getByRole('region', { name: '来电分析' });
    const box = page.getByLabel('来电内容');
    await box.focus();
    await page.keyboard.type(elevatorCall.slice(0, 10), { delay: 60 });
    await analysisRegion.locator(`[data-analysed-length="10"]`).waitFor({ timeout: 5000 });
    // Timed in the page: from the last input event to the analysis of the whole text in the DOM (no polling delay).
    const fullLength = [...elevatorCall].length;
    await page.evaluate((length) => {
      const scope = globalThis as unknown as TimingScope;
      scope.timing = { lastInput: 0, shown: 0 };
      scope.document.getElementById('call-text')!.addEventListener('input', () => (scope.timing.lastInput = scope.performance.now()));
      new scope.MutationObserver(() => {
        if (!scope.timing.shown && scope.document.querySelector(`[data-analysed-length="${length}"]`))
          scope.timing.shown = scope.performance.now();
      }).observe(scope.document.body, { subtree: true, childList: true, attributes: true });
    }, fullLength);
    await page.keyboard.type(elevatorCall.slice(10), { delay: 40 });
    await analysisRegion.locator(`[data-analysed-length="${fullLength}"]`).waitFor({ timeout: 5000 });
    const timing = await page.evaluate(() => (globalThis as unknown as TimingScope).timing);
    const elapsed = Math.round(timing.shown - timing.lastInput);
    console.warn(`console analysis shown ${elapsed} ms after the last keystroke (debounce included)`);
    expect(elapsed).toBeLessThanOrEqual(1000);
    const analysis = analysisRegion.locator('.analysis');
    expect(await analysis.locator('dd').first().textContent()).toContain('电梯');
    const policies = analysis.locator('.policy-list li');
    expect(await policies.count()).toBeGreaterThan(0);
    const firstPolicy = (await policies.first().locator('summary').textContent()) ?? '';
    expect(firstPolicy).toMatch(/物业/u);
    expect(firstPolicy).toMatch(/第.+条/u);
    // Opening a passage shows its excerpt, by keyboard.
    await policies.first().locator('summary').focus();
    await page.keyboard.press('Enter');
    await policies.first().locator('.excerpt').waitFor();
    const cases = analysis.locator('.case-list .case');
    expect(await cases.count()).toBeGreaterThan(0);
    await cases.first().locator('summary').click();
    expect(((await cases.first().locator('.case-reply').textContent()) ?? '').length).toBeGreaterThan(10);
    expect(await page.getByRole('button', { name: /语音输入/ }).count()).toBe(1);
    // Without a speech provider the microphone says so and the box keeps working.
    await page.getByRole('button', { name: /语音输入/ }).click();
    await page.getByText('语音识别还没有开通，请直接输入来电内容。').waitFor();

    // 复制: a plain-text brief.
    await page.getByRole('button', { name: '复制' }).click();
    await page.getByText('已复制分析摘要').waitFor();
    const copied = await page.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
    );
    expect(copied).toContain('【来电分析】');
    expect(copied).toContain(elevatorCall);
    expect(copied).toContain('政策依据：');
    expect(copied).not.toContain('<');
    await page.screenshot({ path: path.join(outputFolder, 'console-desk.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // A gas leak: 紧急件 first and loudly, with what to do.
    await box.fill('');
    await box.focus();
    await page.keyboard.type(gasLeakCall, { delay: 20 });
    const urgent = analysisRegion.locator(`[data-analysed-length="${[...gasLeakCall].length}"] .urgent`);
    await urgent.waitFor({ timeout: 5000 });
    expect(await urgent.getByRole('heading', { name: '紧急件' }).count()).toBe(1);
    expect(await urgent.textContent()).toMatch(/119|110|120/);
    const firstChild = await analysisRegion.locator('.analysis > *').first().getAttribute('class');
    expect(firstChild).toBe('urgent');
    await page.screenshot({ path: path.join(outputFolder, 'console-urgent.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('问小宁 on the desk answers 本单位最近的热点 and, from the 来电内容, how such calls were handled', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${served.url}/admin/login`);
    await logInByKeyboard(page, 'housing-official');
    const panel = page.getByRole('region', { name: '问小宁' });
    await panel.waitFor();
    await panel.getByRole('button', { name: '本单位最近的热点' }).click();
    const answers = panel.locator('.chat-turn.assistant:not([aria-busy])');
    await answers.first().waitFor({ timeout: 10_000 });
    const hot = (await answers.first().textContent()) ?? '';
    expect(hot).toContain('宁德市住房和城乡建设局');
    expect(hot).toContain('高频诉求');
    expect(hot).not.toContain('住房公积金');

    await page.getByLabel('来电内容').fill(elevatorCall);
    await panel.getByLabel('向小宁提问').fill('这个问题以前怎么处理的？');
    await panel.getByLabel('向小宁提问').press('Enter');
    await answers.nth(1).waitFor({ timeout: 10_000 });
    const handled = (await answers.nth(1).textContent()) ?? '';
    expect(handled).toContain('来电摘要');
    expect(handled).toContain('相似案例');
    await panel.screenshot({ path: path.join(outputFolder, 'console-xiaoning.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('群众留言: published questions newest first; marking one 已回复 with a note is audited and needs the CSRF token', async () => {
    const official = await logIn(served.url, 'housing-official', password);
    const answerPath = `${served.url}/api/units/zjj/submissions/${submissionId}/answer`;
    const withoutToken = await fetch(answerPath, {
      method: 'POST',
      headers: { Cookie: official.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ note: '已答复' }),
    });
    expect(withoutToken.status).toBe(403);

    const { page, problems } = await newPage();
    await page.goto(`${served.url}/admin/login?next=%2Fadmin%2Fdesk%2Fzjj`);
    await logInByKeyboard(page, 'housing-official');
    await page.getByRole('heading', { name: '接线台', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/desk/zjj');
    const section = page.getByRole('region', { name: '群众留言' });
    await section.getByText('物业说没钱修').waitFor();
    await section.getByLabel('回复说明').fill('已在接线中答复，转物业科督促维修');
    await section.getByRole('button', { name: '标记已回复' }).click();
    await section.locator('.answered-marker', { hasText: '已回复' }).waitFor();
    await section.getByText('转物业科督促维修').waitFor();
    const audit = await testApp.services.repositories.auditLog.list(20);
    expect(
      audit.some((entry) => entry.what === 'submission.answer' && entry.target === submissionId && entry.who === 'housing-official'),
    ).toBe(true);
    const listed = (await (await fetch(`${served.url}/api/units/zjj/submissions`, { headers: { Cookie: official.cookie } })).json()) as {
      items: { id: string; status: string }[];
    };
    expect(listed.items.find((item) => item.id === submissionId)?.status).toBe('answered');
    expect(problems).toEqual([]);
  });

  it('an official of another unit gets 403 for the housing bureau’s desk and submissions (API and page); CSRF on every write', async () => {
    const other = await logIn(served.url, 'fund-official', password);
    expect((await fetch(`${served.url}/api/units/zjj/hot-topics`, { headers: { Cookie: other.cookie } })).status).toBe(403);
    expect((await fetch(`${served.url}/api/units/zjj/submissions`, { headers: { Cookie: other.cookie } })).status).toBe(403);
    const answer = await fetch(`${served.url}/api/units/zjj/submissions/${submissionId}/answer`, {
      method: 'POST',
      headers: { Cookie: other.cookie, 'X-CSRF-Token': other.csrfToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ note: '不是本单位的' }),
    });
    expect(answer.status).toBe(403);
    const desk = await fetch(`${served.url}/admin/desk/zjj`, { headers: { Cookie: other.cookie, Accept: 'text/html' } });
    expect(desk.status).toBe(403);
    for (const write of ['/api/assist/analyze', '/api/auth/logout']) {
      const response = await fetch(`${served.url}${write}`, {
        method: 'POST',
        headers: { Cookie: other.cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: elevatorCall }),
      });
      expect(response.status).toBe(403);
    }

    const { page, context } = await newPage();
    const [name, value] = other.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: served.url }]);
    const response = await page.goto(`${served.url}/admin/desk/zjj`);
    expect(response?.status()).toBe(403);
    await page.getByRole('alert').filter({ hasText: '您只能查看本单位的接线台' }).waitFor();
    expect(await page.getByRole('region', { name: '高频诉求' }).count()).toBe(0);
  });

  it('an administrator picks any unit; logout; an expired session returns to the login and back to the page', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${served.url}/admin/login`);
    await logInByKeyboard(page, 'console-admin');
    await page.getByRole('heading', { name: '接线台', level: 1 }).waitFor();
    await page.getByLabel('选择单位').selectOption({ label: '宁德市住房公积金中心' });
    await page.waitForURL('**/admin/desk/gjj');
    await page.getByRole('region', { name: '高频诉求' }).waitFor();
    await page.getByRole('radio', { name: '全部' }).check();
    await page.getByRole('region', { name: '高频诉求' }).locator('.topic').first().waitFor();
    expect(await page.getByRole('region', { name: '本单位数据' }).getByRole('table').count()).toBe(3);

    // The session ends behind the page's back (expiry, or a logout elsewhere): the next call goes to the login.
    const sessions = await page.context().cookies(served.url);
    const token = sessions.find((cookie) => cookie.name === 'xn_session')!.value;
    const session = await testApp.services.repositories.users.findSession(
      (await import('node:crypto')).createHash('sha256').update(token).digest('hex'),
      new Date(),
    );
    expect(session).toBeDefined();
    await testApp.services.repositories.users.deleteSession(session!.session.tokenHash);
    // click, not check: the page leaves for the login before the radio could be seen checked.
    await page.getByRole('radio', { name: '近一个月' }).click({ noWaitAfter: true });
    await page.waitForURL('**/admin/login?**');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/desk/gjj');
    await page.getByText('登录已过期').waitFor();
    await logInByKeyboard(page, 'console-admin');
    await page.waitForURL('**/admin/desk/gjj');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/admin/login');
    const after = await page.goto(`${served.url}/admin/desk/gjj`);
    expect(new URL(after!.url()).pathname).toBe('/admin/login');
    expect(problems.filter((problem) => !problem.includes('401'))).toEqual([]);
  });

  it('at 375 px: no sideways scrolling, no serious axe violation, keyboard reaches the call box and the period filter', async () => {
    const { page } = await newPage({ width: 375, height: 800 });
    await page.goto(`${served.url}/admin/login`);
    expect(await horizontalOverflow(page)).toEqual([]);
    await logInByKeyboard(page, 'housing-official');
    await page.getByRole('heading', { name: '接线台', level: 1 }).waitFor();
    await page.getByRole('region', { name: '群众留言' }).locator('li').first().waitFor();
    await page.getByLabel('来电内容').fill(elevatorCall);
    await page.locator(`[data-analysed-length="${[...elevatorCall].length}"]`).waitFor({ timeout: 5000 });
    await page.getByRole('region', { name: '本单位数据' }).getByRole('table').first().waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'console-desk-375.png'), fullPage: true });

    // Keyboard only: from the top of the page, Tab reaches the call box.
    await page.goto(`${served.url}/admin/desk`);
    await page.getByRole('heading', { name: '接线台', level: 1 }).waitFor();
    let reached = false;
    for (let presses = 0; presses < 30 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id === 'call-text',
      );
    }
    expect(reached).toBe(true);
  });
});
