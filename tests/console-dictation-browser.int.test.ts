import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { createUserAccount } from '../server/auth/user-accounts';
import { startFakeOpenAiAudioServer } from './fakes/fake-openai-audio-server';
import { ensureAdminBuilt } from './support/admin-bundle';
import { launchChromium } from './support/chromium';
import { spokenWavFile } from './support/spoken-wav';
import { createTestApp } from './support/test-app';

jest.setTimeout(240_000);

const outputFolder = path.resolve(__dirname, '../test-output');
const password = 'dictation-secret-pass-3';
const spoken = '我们小区电梯坏了一个多月了物业一直不修';

/**
 * Dictation into 来电内容 in Chromium: the fake microphone plays an espeak-ng recording, the app uses the
 * OpenAI-compatible speech provider pointing at a local fake; the text lands after what was typed and the live
 * analysis follows it.
 */
describe('console dictation in Chromium (fake microphone, fake speech provider)', () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenAiAudioServer>>;
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureAdminBuilt();
    fs.mkdirSync(outputFolder, { recursive: true });
    fake = await startFakeOpenAiAudioServer({ transcript: spoken });
    testApp = await createTestApp(
      { VECTOR_STORE: 'off', SPEECH_PROVIDER: 'openai', SPEECH_BASE_URL: fake.baseUrl, SPEECH_API_KEY: fake.apiKey },
      { knowledge: true, demoData: true },
    );
    await testApp.knowledge!.ingester.ingestPaths([path.resolve(__dirname, '../data/demo/knowledge/laws/物业管理条例(2018-03-19).md')]);
    await createUserAccount(
      testApp.services.repositories,
      { username: 'dictating-official', password, role: 'official', unitId: 'zjj' },
      'test',
    );
    served = await testApp.listen();
    browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${spokenWavFile(spoken, { padSeconds: 3 })}`,
    ]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await served?.close();
    await testApp?.close();
    await fake?.close();
  });

  it('appends the spoken words to 来电内容 and the analysis follows the text', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Chromium asks every site for /favicon.ico; any other failed request is a problem.
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${served.url}/admin/login`);
    await page.getByLabel('用户名').fill('dictating-official');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '接线台', level: 1 }).waitFor();

    const box = page.getByLabel('来电内容');
    await box.fill('市民来电');
    await page.getByRole('button', { name: '语音输入' }).click();
    await page.getByRole('button', { name: '说完了' }).waitFor();
    // The fake microphone plays the words, then silence: dictation stops by itself and the final text stays.
    await page.waitForFunction(
      (expected) => {
        const scope = globalThis as unknown as { document: { getElementById(id: string): { value: string } | null } };
        return scope.document.getElementById('call-text')?.value === expected;
      },
      `市民来电，${spoken}`,
      { timeout: 30_000 },
    );
    await page.getByRole('button', { name: '语音输入' }).waitFor({ timeout: 15_000 });

    const analysis = page
      .getByRole('region', { name: '来电分析' })
      .locator(`[data-analysed-length="${[...`市民来电，${spoken}`].length}"]`);
    await analysis.waitFor({ timeout: 10_000 });
    expect(await analysis.locator('dd').first().textContent()).toContain('电梯');
    expect(fake.transcriptions.at(-1)).toMatchObject({ sampleRate: 16_000, channels: 1, loud: true });
    await page.screenshot({ path: path.join(outputFolder, 'console-dictation.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
