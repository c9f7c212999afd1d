import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { horizontalOverflow, seriousViolations, tabUntil, watchProblems, type InPageDocument } from './support/page-checks';
import { createUserAccount } from '../server/auth/user-accounts';
import { launchChromium } from './support/chromium';
import { createTestApp } from './support/test-app';
import { ensureWebchatBuilt } from './support/webchat-bundle';

jest.setTimeout(240_000);

const outputFolder = path.resolve(__dirname, '../test-output');

interface PreviewItem {
  id: string;
  unit: { id: string; name: string };
}

const countOf = async (page: Page, unitName: string) => {
  const text = (await page.locator('.poll-option').filter({ hasText: unitName }).locator('.option-count').textContent()) ?? '';
  return Number(/^(\d+)/.exec(text)?.[1] ?? NaN);
};

describe('column pages in Chromium (real app, demo data, laws)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async (options: Parameters<Browser['newContext']>[0] = { viewport: { width: 1280, height: 900 } }) => {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    return { page, context, problems: watchProblems(page) };
  };
  const api = async <T>(route: string, init?: RequestInit): Promise<T> => (await fetch(`${served.url}${route}`, init)).json() as Promise<T>;
  const loginAs = async (username: string, password: string) => {
    const response = await fetch(`${served.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const cookie = /xn_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
    return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
  };

  beforeAll(async () => {
    ensureWebchatBuilt();
    fs.mkdirSync(outputFolder, { recursive: true });
    testApp = await createTestApp({ VECTOR_STORE: 'off' }, { knowledge: true, demoData: true });
    await testApp.knowledge!.ingester.ingestPaths([path.resolve(__dirname, '../data/demo/knowledge/laws')]);
    const { repositories } = testApp.services;
    await createUserAccount(repositories, { username: 'pages-admin', password: 'pages-admin-secret-7', role: 'admin' }, 'test');
    served = await testApp.listen();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await served?.close();
    await testApp?.close();
  });

  it('serves the shell at / and every column route (deep links), 404 with the same page elsewhere, under the strict CSP', async () => {
    for (const route of ['/', '/appeals', '/stats', '/appeals/some-id']) {
      const response = await fetch(`${served.url}${route}`, { headers: { Accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      const html = await response.text();
      expect(html).toContain('<script src="/webchat/xiaoning-widget.js" defer></script>');
      expect(html).not.toMatch(/<script>|<style>|style="/);
    }
    expect((await fetch(`${served.url}/no-such-page`, { headers: { Accept: 'text/html' } })).status).toBe(404);
    expect((await fetch(`${served.url}/previews/no-such-preview`, { headers: { Accept: 'text/html' } })).status).toBe(404);
    // The API keeps its JSON 404.
    const apiMiss = await fetch(`${served.url}/api/nothing`, { headers: { Accept: 'text/html' } });
    expect(apiMiss.status).toBe(404);
    expect(apiMiss.headers.get('content-type')).toContain('json');
  });

  it('the front page shows the previews of /api/previews, the open poll and the form; axe finds nothing serious', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${served.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('宁德12345领导接线');
    const previews = page.getByRole('region', { name: '接线预告' });
    await previews.locator('.preview-item').first().waitFor();
    const expected = (await api<{ items: PreviewItem[] }>('/api/previews')).items;
    expect(await previews.locator('.preview-item h3').allTextContents()).toEqual(expected.map((item) => item.unit.name));
    expect(
      await previews.getByRole('link', { name: /查看详情/ }).evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).toEqual(expected.map((item) => `/previews/${item.id}`));
    const poll = page.getByRole('region', { name: '征集投票' });
    await poll.getByRole('button', { name: /^投票/ }).first().waitFor();
    const current = await api<{ options: { unitName: string }[] }>('/api/polls/current');
    expect(await poll.locator('.option-name').allTextContents()).toEqual(current.options.map((option) => option.unitName));
    await page.getByRole('region', { name: '我要留言' }).getByRole('textbox', { name: '留言内容' }).waitFor();
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '往期回顾' }).waitFor();
    await page.getByRole('button', { name: '问小宁' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'column-home.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('a vote in one browser shows in another within 2 s without reload; 已投票 and guided questions; one tap asks Xiaoning; voting again is refused', async () => {
    const first = await newPage();
    const second = await newPage();
    for (const { page } of [first, second]) {
      await page.goto(`${served.url}/`);
      await page.getByRole('region', { name: '征集投票' }).getByRole('button', { name: /^投票/ }).first().waitFor();
    }
    const option = first.page.locator('.poll-option').filter({ hasText: '宁德市住房和城乡建设局' });
    const unitName =
      (await option.count()) > 0 ? '宁德市住房和城乡建设局' : ((await first.page.locator('.option-name').first().textContent()) ?? '');
    const before = await countOf(second.page, unitName);
    await first.page.locator('.poll-option').filter({ hasText: unitName }).getByRole('button', { name: /^投票/ }).click();
    const voted = first.page.getByRole('status').filter({ hasText: '已投票' });
    await voted.waitFor();
    expect(await voted.textContent()).toContain(unitName);
    expect(await first.page.getByRole('region', { name: '征集投票' }).getByRole('button', { name: /^投票/ }).count()).toBe(0);

    // The other visitor's page follows over socket.io, with no reload.
    const started = Date.now();
    await second.page.waitForFunction(
      ({ name, count }) => {
        const rows = [
          ...(
            globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> } }
          ).document.querySelectorAll('.poll-option'),
        ];
        const row = rows.find((element) => element.textContent?.includes(name));
        return row !== undefined && (row.textContent ?? '').includes(`${count} 票`);
      },
      { name: unitName, count: before + 1 },
      { timeout: 2000 },
    );
    expect(Date.now() - started).toBeLessThan(2000);

    // 无感引导: 2–4 questions about the unit voted for; one tap opens Xiaoning with it asked and answered.
    const guidance = first.page.getByRole('group', { name: new RegExp(`关于${unitName}`) });
    const questions = guidance.getByRole('button');
    const count = await questions.count();
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(4);
    await first.page.screenshot({ path: path.join(outputFolder, 'column-voted.png'), fullPage: true });
    const question = (await questions.first().textContent()) ?? '';
    await questions.first().click();
    await first.page.getByRole('dialog', { name: '小宁' }).waitFor();
    await first.page.locator('.xn-user .xn-text').filter({ hasText: question }).waitFor();
    await first.page.waitForFunction(() => {
      const root = (
        globalThis as unknown as { document: { getElementById(id: string): { shadowRoot: { querySelector(s: string): unknown } } | null } }
      ).document.getElementById('xiaoning-widget')?.shadowRoot;
      return Boolean(
        root?.querySelector('.xn-error') || root?.querySelector('.xn-message.xn-assistant:last-child:not([aria-busy]) .xn-text'),
      );
    });
    expect(await first.page.locator('.xn-error').count()).toBe(0);
    const answer = (await first.page.locator('.xn-assistant .xn-text').last().textContent()) ?? '';
    expect(answer.length).toBeGreaterThan(10);
    await first.page.screenshot({ path: path.join(outputFolder, 'column-guided-answer.png') });

    // Forgetting the page's memory does not give a second vote: the server refuses, in Chinese.
    await first.page.evaluate(() =>
      (globalThis as unknown as { localStorage: { removeItem(key: string): void } }).localStorage.removeItem('xiaoning.column.votes'),
    );
    await first.page.reload();
    await first.page.locator('.poll-option').filter({ hasText: unitName }).getByRole('button', { name: /^投票/ }).click();
    const refusal = first.page.getByRole('region', { name: '征集投票' }).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('您已参与本期投票');
    expect(await countOf(second.page, unitName)).toBe(before + 1);
    expect([...first.problems, ...second.problems].filter((problem) => !problem.includes('409'))).toEqual([]);
  });

  it('keyboard alone votes and leaves a question; HTML stays text; admins publish; the unit’s official sees it', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${served.url}/`);
    await page.getByRole('region', { name: '征集投票' }).getByRole('button', { name: /^投票/ }).first().waitFor();
    await tabUntil(page, (focused) => focused.tagName === 'BUTTON' && focused.text.startsWith('投票'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '已投票' }).waitFor();

    const before = (
      await api<{ items: unknown[] }>('/api/admin/submissions', {
        headers: { Cookie: (await loginAs('pages-admin', 'pages-admin-secret-7')).cookie },
      })
    ).items.length;
    const form = page.getByRole('region', { name: '我要留言' });
    await tabUntil(page, (focused) => focused.id === 'submission-content');
    // Empty: a clear error, nothing sent.
    await tabUntil(page, (focused) => focused.tagName === 'BUTTON' && focused.text === '提交留言');
    await page.keyboard.press('Enter');
    expect(await form.getByRole('alert').textContent()).toBe('请填写留言内容。');
    expect(await page.evaluate(() => (globalThis as unknown as { document: InPageDocument }).document.activeElement?.id)).toBe(
      'submission-content',
    );
    // Too long: a clear error, nothing sent.
    await page.keyboard.insertText('长'.repeat(501));
    await tabUntil(page, (focused) => focused.tagName === 'BUTTON' && focused.text === '提交留言');
    await page.keyboard.press('Enter');
    expect(await form.getByRole('alert').textContent()).toContain('500 字以内');

    const content = '<script>window.xnInjected = 1</script><b>小区电梯</b>坏了半年没人修，希望领导关注。';
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(content);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.insertText('13800001111');
    await tabUntil(page, (focused) => focused.tagName === 'BUTTON' && focused.text === '提交留言');
    await page.keyboard.press('Enter');
    const confirmation = form.getByRole('status');
    await confirmation.getByRole('heading', { name: '留言已收到，谢谢您！' }).waitFor();
    expect(await confirmation.locator('.submitted-text').textContent()).toBe(content.trim());
    expect(await confirmation.locator('script, b').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { xnInjected?: number }).xnInjected)).toBeUndefined();
    await page.screenshot({ path: path.join(outputFolder, 'column-submitted.png'), fullPage: true });

    // Pending until an administrator publishes it; then the unit's official reads it, masked.
    const admin = await loginAs('pages-admin', 'pages-admin-secret-7');
    const listed = (
      await api<{ items: { id: string; status: string; content: string; contact: string; unit: { id: string } }[] }>(
        '/api/admin/submissions',
        {
          headers: { Cookie: admin.cookie },
        },
      )
    ).items;
    expect(listed.length).toBe(before + 1);
    const mine = listed.find((item) => item.content.includes('小区电梯'))!;
    expect(mine).toMatchObject({ status: 'pending', contact: '138****1111' });
    const publish = await fetch(`${served.url}/api/admin/submissions/${mine.id}/publish`, {
      method: 'POST',
      headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf },
    });
    expect(publish.status).toBe(200);
    await createUserAccount(
      testApp.services.repositories,
      { username: 'pages-official', password: 'pages-official-secret-8', role: 'official', unitId: mine.unit.id },
      'test',
    );
    const official = await loginAs('pages-official', 'pages-official-secret-8');
    const seen = await api<{ items: { id: string; content: string }[] }>(`/api/units/${mine.unit.id}/submissions`, {
      headers: { Cookie: official.cookie },
    });
    expect(seen.items.map((item) => item.id)).toContain(mine.id);
    expect(problems).toEqual([]);
  });

  it('a preview page by deep link; unknown and unpublished previews and other addresses get a friendly 404 page; axe on each page', async () => {
    const { page, problems } = await newPage();
    const [preview] = (await api<{ items: PreviewItem[] }>('/api/previews')).items;
    await page.goto(`${served.url}/previews/${preview!.id}`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: preview!.unit.name }).waitFor();
    expect(await heading.textContent()).toMatch(/\d+月\d+日/);
    await page.getByText('职责范围').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'column-preview.png'), fullPage: true });

    await testApp.services.repositories.previews.create({
      id: 'preview-unpublished-draft',
      unitId: preview!.unit.id,
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 90_000_000),
      leaderTitle: '局长',
      scope: '草稿',
      howToJoin: '拨打12345',
    });
    for (const route of ['/previews/no-such-preview', '/previews/preview-unpublished-draft']) {
      const response = await page.goto(`${served.url}${route}`);
      expect(response?.status()).toBe(404);
      await page.getByRole('heading', { level: 1, name: '没有找到这场接线' }).waitFor();
      await page.getByRole('link', { name: '回到领导接线首页' }).waitFor();
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'column-not-found.png') });
    await page.goto(`${served.url}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: '没有找到这个页面' }).waitFor();

    for (const [route, name] of [
      ['/appeals', '往期回顾'],
      ['/stats', '诉求数据分析'],
    ] as const) {
      await page.goto(`${served.url}${route}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByRole('button', { name: '问小宁' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    }
    // In-app navigation moves without a reload and puts focus on the new page's heading.
    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '领导接线' }).click();
    await page.getByRole('heading', { level: 1, name: '宁德12345领导接线' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('at 375 px nothing overflows, with and without 大字; 大字 is remembered', async () => {
    const { page, problems } = await newPage({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    await page.goto(`${served.url}/`);
    await page.locator('.preview-item').first().waitFor();
    await page.locator('.poll-option').first().waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    const textSize = page.getByRole('button', { name: '大字' }).first();
    expect(await textSize.getAttribute('aria-pressed')).toBe('false');
    await textSize.click();
    expect(await textSize.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.locator('.poll-option').first().waitFor();
    expect(await page.locator('html.large-text').count()).toBe(1);
    expect(await page.getByRole('button', { name: '大字' }).first().getAttribute('aria-pressed')).toBe('true');
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'column-375-large.png'), fullPage: true });
    const [preview] = (await api<{ items: PreviewItem[] }>('/api/previews')).items;
    await page.goto(`${served.url}/previews/${preview!.id}`);
    await page.getByText('职责范围').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
