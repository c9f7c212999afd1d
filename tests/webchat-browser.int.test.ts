import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { createTestApp } from './support/test-app';
import { ensureWebchatBuilt } from './support/webchat-bundle';

jest.setTimeout(180_000);

const outputFolder = path.resolve(__dirname, '../test-output');
const question = '住房公积金在什么情况下可以提取？';

/** What the page reported that a citizen would suffer from: script errors, failed loads, CSP violations. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return problems;
}

/**
 * Records the text of the answer while it is still streaming (aria-busy), from inside the page, so the
 * test sees intermediate states however quickly the answer completes.
 */
const recordStreaming = (page: Page) =>
  page.evaluate(`(() => {
    const root = document.getElementById('xiaoning-widget').shadowRoot;
    window.xnStreamed = [];
    new MutationObserver(() => {
      const busy = root.querySelector('.xn-assistant[aria-busy="true"] .xn-text');
      if (busy) window.xnStreamed.push(busy.textContent);
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);

/** The id of the element focused inside the widget (focus inside a shadow root shows as the host outside it). */
const focusedInWidget = (page: Page) =>
  page.evaluate(`(() => {
    const active = document.getElementById('xiaoning-widget').shadowRoot.activeElement;
    return active ? active.id || active.className : null;
  })()`);

/**
 * The element focused inside the widget once focus has settled: focus moves in an effect after rendering,
 * which on a loaded machine can come a little after the click or key press. Returns the last seen value.
 */
async function settledFocus(page: Page, expected: string): Promise<string | null> {
  const deadline = Date.now() + 5000;
  let focused = await focusedInWidget(page);
  while (focused !== expected && Date.now() < deadline) {
    await page.waitForTimeout(50);
    focused = await focusedInWidget(page);
  }
  return focused as string | null;
}

/** Elements of the panel that stick out of the viewport to the right, or panels wider than the screen. */
const horizontalOverflow = (page: Page) =>
  page.evaluate(`(() => {
    const root = document.getElementById('xiaoning-widget').shadowRoot;
    const width = document.documentElement.clientWidth;
    const outside = [...root.querySelectorAll('.xn-panel, .xn-panel *')]
      .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > width + 0.5)
      .map((element) => element.className);
    const scrolling = [...root.querySelectorAll('.xn-messages, .xn-panel')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.className);
    return [...outside, ...scrolling];
  })()`) as Promise<string[]>;

const fontSizeOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => (globalThis as unknown as ComputedStyles).getComputedStyle(element).fontSize);

interface ComputedStyles {
  getComputedStyle(element: unknown): { fontSize: string };
}

async function openWidget(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/`);
  await expect(page.locator('h1').textContent()).resolves.toBe('宁德12345领导接线');
  const launcher = page.getByRole('button', { name: '问小宁' });
  await launcher.click();
  const panel = page.getByRole('dialog', { name: '小宁' });
  await panel.waitFor();
  return { launcher, panel };
}

/** Just what the in-page predicate below touches (the tests compile without the DOM library). */
interface InPage {
  document: { getElementById(id: string): { shadowRoot: QueryRoot | null } | null };
}
interface QueryRoot {
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): Iterable<{ classList: { contains(name: string): boolean }; hasAttribute(name: string): boolean }>;
}

/** Waits until the panel shows `users` questions and a finished reply after the last; returns the error shown, if any. */
async function waitForAnswer(page: Page, users: number): Promise<string | null> {
  // A function, not a string: the page's CSP forbids eval, which a string predicate needs.
  await page.waitForFunction((expected) => {
    const root = (globalThis as unknown as InPage).document.getElementById('xiaoning-widget')?.shadowRoot;
    if (!root) return false;
    if (root.querySelector('.xn-error')) return true;
    const messages = [...root.querySelectorAll('.xn-messages > .xn-message')];
    const last = messages[messages.length - 1];
    const asked = messages.filter((message) => message.classList.contains('xn-user')).length;
    return asked === expected && last !== undefined && last.classList.contains('xn-assistant') && !last.hasAttribute('aria-busy');
  }, users);
  return page
    .locator('.xn-error')
    .textContent({ timeout: 100 })
    .catch(() => null);
}

async function ask(page: Page, text: string) {
  const users = await page.locator('.xn-user').count();
  const input = page.getByRole('textbox', { name: '输入您的问题' });
  await input.fill(text);
  await input.press('Enter');
  expect(await waitForAnswer(page, users + 1)).toBeNull();
}

describe('web chat widget in Chromium (real app, demo data, laws)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async (options: Parameters<Browser['newContext']>[0]) => {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    return { page, problems: watchProblems(page) };
  };

  beforeAll(async () => {
    ensureWebchatBuilt();
    fs.mkdirSync(outputFolder, { recursive: true });
    testApp = await createTestApp({ VECTOR_STORE: 'off' }, { knowledge: true, demoData: true });
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

  it('serves the bundle to other sites with revalidated caching, and the demo page at /', async () => {
    const script = await fetch(`${served.url}/webchat/xiaoning-widget.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    expect(script.headers.get('etag')).toBeTruthy();
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const page = await fetch(`${served.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // Served over plain HTTP (COOKIE_SECURE off): browsers must not be told to upgrade to an HTTPS that is not there.
    expect(page.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(await page.text()).toContain('<script src="/webchat/xiaoning-widget.js" defer></script>');
    expect((await fetch(`${served.url}/webchat/nothing-here.js`)).status).toBe(404);
  });

  it('answers with a streamed, cited answer; opens the source; large text; keyboard; resumes after a reload', async () => {
    const { page, problems } = await newPage({ viewport: { width: 1280, height: 800 } });
    const { launcher, panel } = await openWidget(page, served.url);
    expect(await settledFocus(page, 'xn-input')).toBe('xn-input');

    await recordStreaming(page);
    await ask(page, question);
    const answer = page.locator('.xn-assistant').last();
    const finalText = (await answer.locator('.xn-text').textContent()) ?? '';
    const streamed = (await page.evaluate('window.xnStreamed')) as string[];
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed[0]!.length).toBeLessThan(finalText.length);
    for (const partial of streamed) expect(finalText.startsWith(partial)).toBe(true);
    expect(finalText).toContain('[1]');
    expect(await page.locator('.xn-user .xn-text').last().textContent()).toBe(question);

    // Sources: numbered citations in the text and a numbered list under it, both named for screen readers.
    const citation = answer.locator('.xn-cite').first();
    expect(await citation.getAttribute('aria-label')).toMatch(/^来源1：.*住房公积金/);
    await answer
      .getByRole('list')
      .getByRole('button', { name: /住房公积金/ })
      .first()
      .waitFor();
    const suggestions = answer.getByRole('group', { name: '您可能还想问' }).getByRole('button');
    expect(await suggestions.count()).toBeGreaterThan(0);

    await citation.click();
    const sourceHeading = panel.getByRole('heading', { level: 3 });
    expect(await sourceHeading.textContent()).toContain('住房公积金');
    expect(await settledFocus(page, 'xn-source-title')).toBe('xn-source-title');
    expect(((await panel.locator('.xn-excerpt').textContent()) ?? '').length).toBeGreaterThan(10);
    expect(await panel.locator('.xn-heading-path').count()).toBe(1);
    await page.screenshot({ path: path.join(outputFolder, 'webchat-source.png') });
    await page.keyboard.press('Escape');
    await page.locator('.xn-source-view').waitFor({ state: 'detached' });
    expect(await panel.isVisible()).toBe(true);
    expect(await settledFocus(page, 'xn-cite')).toBe('xn-cite');

    const textSize = panel.getByRole('button', { name: '大字' });
    expect(await textSize.getAttribute('aria-pressed')).toBe('false');
    const before = await fontSizeOf(page, '.xn-assistant .xn-text');
    await textSize.click();
    expect(await textSize.getAttribute('aria-pressed')).toBe('true');
    expect(await fontSizeOf(page, '.xn-widget')).toBe('20px');
    expect(parseFloat(await fontSizeOf(page, '.xn-assistant .xn-text'))).toBeGreaterThan(parseFloat(before));

    // A suggested question, by keyboard alone.
    const suggestion = (await suggestions.first().textContent()) ?? '';
    await suggestions.first().focus();
    await page.keyboard.press('Enter');
    expect(await waitForAnswer(page, 2)).toBeNull();
    expect(await page.locator('.xn-user .xn-text').last().textContent()).toBe(suggestion);
    expect(await settledFocus(page, 'xn-input')).toBe('xn-input');

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await settledFocus(page, 'xn-launcher')).toBe('xn-launcher');

    // A reload restores the conversation (the id is remembered, the cookie proves whose it is) and the
    // large-text choice; the conversation goes on from there.
    await page.reload();
    await launcher.click();
    await page.locator('.xn-user').nth(1).waitFor();
    expect(await page.locator('.xn-user .xn-text').first().textContent()).toBe(question);
    expect(await fontSizeOf(page, '.xn-widget')).toBe('20px');
    await ask(page, '住房公积金可以用来还房贷吗？');
    expect(await page.locator('.xn-user').count()).toBe(3);
    expect(problems).toEqual([]);
  });

  it('shows that it is reconnecting when the network drops, and carries on afterwards', async () => {
    const { page, context } = await newPage({ viewport: { width: 1280, height: 800 } }).then(async (opened) => ({
      ...opened,
      context: opened.page.context(),
    }));
    await openWidget(page, served.url);
    await ask(page, question);
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: '正在重新连接' }).waitFor({ timeout: 30_000 });
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: '正在重新连接' }).waitFor({ state: 'detached', timeout: 30_000 });
    await ask(page, '住房公积金可以用来还房贷吗？');
    expect(await page.locator('.xn-user').count()).toBe(2);
  });

  it('without a speech service: the microphone says voice is not configured; 朗读 uses the browser’s own voice', async () => {
    const { page, problems } = await newPage({ viewport: { width: 1280, height: 800 } });
    const { panel } = await openWidget(page, served.url);
    await panel.getByRole('button', { name: '点击说话' }).click();
    await panel.getByText('语音识别还没有开通，请用文字输入您的问题。').waitFor();
    // No hang and no error page: the text box still works.
    await ask(page, question);
    // Records what speechSynthesis was asked to say (headless Chromium has no voices to say it with).
    await page.evaluate(`(() => {
      window.xnSpoken = [];
      window.speechSynthesis.speak = (utterance) => window.xnSpoken.push({ text: utterance.text, lang: utterance.lang });
    })()`);
    await page.locator('.xn-assistant').last().getByRole('button', { name: '朗读' }).click();
    await page.waitForFunction('window.xnSpoken.length > 0');
    const spoken = (await page.evaluate('window.xnSpoken')) as { text: string; lang: string }[];
    expect(spoken[0]!.lang).toBe('zh-CN');
    expect(spoken[0]!.text).toContain('住房公积金');
    expect(spoken[0]!.text).not.toContain('[1]');
    expect(problems).toEqual([]);
  });

  it('fits a 375 px phone screen, in normal and large text', async () => {
    const { page, problems } = await newPage({
      viewport: { width: 375, height: 667 },
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
    });
    const { launcher, panel } = await openWidget(page, served.url);
    await ask(page, question);
    expect(await launcher.isVisible()).toBe(false);
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 667 });
    expect(await horizontalOverflow(page)).toEqual([]);
    const send = panel.getByRole('button', { name: '发送' });
    const sendBox = (await send.boundingBox())!;
    expect(sendBox.x + sendBox.width).toBeLessThanOrEqual(375);
    expect(sendBox.y + sendBox.height).toBeLessThanOrEqual(667);
    expect(sendBox.height).toBeGreaterThanOrEqual(44);

    await panel.getByRole('button', { name: '大字' }).click();
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.locator('.xn-sources').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(outputFolder, 'webchat.png') });
    expect(fs.statSync(path.join(outputFolder, 'webchat.png')).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
  });
});
