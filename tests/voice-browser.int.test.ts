import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startFakeOpenAiAudioServer } from './fakes/fake-openai-audio-server';
import { launchChromium } from './support/chromium';
import { spokenWavFile } from './support/spoken-wav';
import { createTestApp } from './support/test-app';
import { ensureWebchatBuilt } from './support/webchat-bundle';

jest.setTimeout(180_000);

const outputFolder = path.resolve(__dirname, '../test-output');
const question = '住房公积金在什么情况下可以提取？';
const housingFundRegulation = path.resolve(__dirname, '../data/demo/knowledge/laws/住房公积金管理条例(2019-03-24).md');

/** Every text the voice line showed, recorded inside the page so quick changes are not missed. */
const recordVoiceLine = (page: Page) =>
  page.evaluate(`(() => {
    const root = document.getElementById('xiaoning-widget').shadowRoot;
    window.xnVoiceLine = [];
    new MutationObserver(() => {
      const line = root.querySelector('#xn-voice-line');
      const text = line ? line.textContent : '';
      if (text && window.xnVoiceLine[window.xnVoiceLine.length - 1] !== text) window.xnVoiceLine.push(text);
    }).observe(root, { subtree: true, childList: true, characterData: true });
  })()`);

/** Just what the in-page predicates touch (the tests compile without the DOM library). */
interface InPageElement {
  value?: string;
  classList: { contains(name: string): boolean };
  hasAttribute(name: string): boolean;
}
interface InPage {
  document: { getElementById(id: string): { shadowRoot: { querySelector(selector: string): InPageElement | null } | null } | null };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * The widget with Chromium's fake microphone playing an espeak-ng recording of a question (then silence), the
 * app configured with the OpenAI-compatible speech provider pointing at a local fake.
 */
describe('speaking to Xiaoning in Chromium (fake microphone, fake speech provider)', () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenAiAudioServer>>;
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebchatBuilt();
    fs.mkdirSync(outputFolder, { recursive: true });
    fake = await startFakeOpenAiAudioServer({ transcript: question });
    testApp = await createTestApp(
      { VECTOR_STORE: 'off', SPEECH_PROVIDER: 'openai', SPEECH_BASE_URL: fake.baseUrl, SPEECH_API_KEY: fake.apiKey },
      { knowledge: true, demoData: true },
    );
    await testApp.knowledge!.ingester.ingestPaths([housingFundRegulation]);
    served = await testApp.listen();
    // Three seconds of silence after the question: the widget stops by itself after 1.5 s of it.
    const microphone = spokenWavFile('住房公积金在什么情况下可以提取', { padSeconds: 3 });
    browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${microphone}`,
      '--autoplay-policy=no-user-gesture-required',
    ]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await served?.close();
    await testApp?.close();
    await fake?.close();
  });

  it('records the question, shows partial text, puts the final text in the box; sent, it gets a cited answer; 朗读 plays', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${served.url}/`);
    await page.getByRole('button', { name: '问小宁' }).click();
    const panel = page.getByRole('dialog', { name: '小宁' });
    await panel.waitFor();
    await recordVoiceLine(page);

    const microphone = panel.getByRole('button', { name: '点击说话' });
    await microphone.click();
    await panel.getByRole('button', { name: '说完了' }).waitFor();
    const input = panel.getByRole('textbox', { name: '输入您的问题' });
    await page.waitForFunction(
      (expected) => {
        const root = (globalThis as unknown as InPage).document.getElementById('xiaoning-widget')?.shadowRoot;
        return root?.querySelector('#xn-input')?.value === expected;
      },
      question,
      { timeout: 20_000 },
    );
    const line = (await page.evaluate('window.xnVoiceLine')) as string[];
    expect(line).toContain('正在听，请说话…');
    expect(line.some((text) => text.startsWith('听到：'))).toBe(true);
    expect(await microphone.isVisible()).toBe(true);
    // What reached the provider: 16 kHz mono PCM from the AudioWorklet, loud (the question), in interim and final requests.
    expect(fake.transcriptions.length).toBeGreaterThan(1);
    expect(fake.transcriptions.at(-1)).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16, loud: true });
    const seconds = fake.transcriptions.at(-1)!.audioBytes / 32_000;
    expect(seconds).toBeGreaterThan(3);
    expect(seconds).toBeLessThan(12);

    // Visible and editable before sending: the person sends it like typed text.
    await input.press('End');
    await panel.getByRole('button', { name: '发送' }).click();
    await page.waitForFunction(() => {
      const root = (globalThis as unknown as InPage).document.getElementById('xiaoning-widget')?.shadowRoot;
      const last = root?.querySelector('.xn-messages > .xn-message:last-child');
      return last?.classList.contains('xn-assistant') === true && !last.hasAttribute('aria-busy');
    });
    expect(await page.locator('.xn-user .xn-text').last().textContent()).toBe(question);
    const answer = page.locator('.xn-assistant').last();
    expect(await answer.locator('.xn-text').textContent()).toContain('[1]');
    expect(await answer.locator('.xn-source-link').first().textContent()).toContain('住房公积金');

    const synthesized = page.waitForResponse((response) => response.url().endsWith('/api/speech/synthesize'));
    await answer.getByRole('button', { name: '朗读' }).click();
    expect((await synthesized).status()).toBe(200);
    await answer.getByRole('button', { name: '停止朗读' }).waitFor();
    expect(fake.speeches.at(-1)?.input).not.toContain('[1]');
    // The tone lasts half a second; then the button is 朗读 again.
    await answer.getByRole('button', { name: '朗读' }).waitFor({ timeout: 5000 });

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'voice-widget.png') });
    expect(problems).toEqual([]);
  });

  it('offers 按住说话 on a 375 px phone, within the screen, and toggles from the keyboard', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 667 },
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${served.url}/`);
    await page.getByRole('button', { name: '问小宁' }).click();
    const panel = page.getByRole('dialog', { name: '小宁' });
    const hold = panel.getByRole('button', { name: '按住说话' });
    await hold.waitFor();
    const box = (await hold.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await hold.focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('button', { name: '说完了' }).waitFor();
    await page.keyboard.press('Enter');
    await panel.getByRole('button', { name: '按住说话' }).waitFor({ timeout: 10_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'voice-widget-phone.png') });
  });
});
