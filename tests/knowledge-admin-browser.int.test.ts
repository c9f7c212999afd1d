import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUserAccount } from '../server/auth/user-accounts';
import { ensureAdminBuilt } from './support/admin-bundle';
import { launchChromium } from './support/chromium';
import { makeDocx } from './support/make-docx';
import { makePdf } from './support/make-pdf';
import { horizontalOverflow, seriousViolations, tabUntil, watchProblems } from './support/page-checks';
import { createTestApp } from './support/test-app';

jest.setTimeout(300_000);

const outputFolder = path.resolve(__dirname, '../test-output');
const adminPassword = 'knowledge-admin-pass-2026';
const officialPassword = 'knowledge-official-pass-2026';
const lawFile = path.resolve(__dirname, '../data/demo/knowledge/laws/住房公积金管理条例(2019-03-24).md');
const question = '职工在什么情况下可以提取住房公积金';

/** Aborted event streams and the 403 shell are expected when pages change; anything else is a problem. */
const realProblems = (problems: string[]) =>
  problems.filter((problem) => !problem.includes('/api/admin/knowledge/events') && !/\b403\b/.test(problem));

describe('知识库 in Chromium (real app with ADMIN_PASSWORD, embedded Chroma)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const contexts: BrowserContext[] = [];
  const newPage = async (viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const created = await context.newPage();
    return { page: created, problems: watchProblems(created) };
  };
  const logInByKeyboard = async (on: Page, username: string, password: string) => {
    await on.getByLabel('用户名').focus();
    await on.keyboard.type(username);
    await on.keyboard.press('Tab');
    await on.keyboard.type(password);
    await on.keyboard.press('Enter');
  };
  const statusOf = (name: string) => page.locator('.upload-row', { hasText: name }).locator('.upload-status');

  beforeAll(async () => {
    ensureAdminBuilt();
    fs.mkdirSync(outputFolder, { recursive: true });
    testApp = await createTestApp({ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: adminPassword }, { knowledge: true });
    const { repositories } = testApp.services;
    await repositories.units.insertMissing([{ id: 'zjj', name: '市住建局', kind: 'municipal', duties: '住房和城乡建设' }]);
    await createUserAccount(
      repositories,
      { username: 'housing-official', password: officialPassword, role: 'official', unitId: 'zjj' },
      'test',
    );
    served = await testApp.listen();
    browser = await launchChromium();
    ({ page, problems } = await newPage());
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await served?.close();
    await testApp?.close();
  });

  it('the administrator logs in by keyboard and lands on 知识库, with the admin navigation', async () => {
    await page.goto(`${served.url}/admin/knowledge`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await logInByKeyboard(page, 'admin', adminPassword);
    await page.getByRole('heading', { name: '知识库', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/knowledge');
    const navigation = page.getByRole('navigation', { name: '管理后台' });
    expect(await navigation.getByRole('link').allTextContents()).toEqual([
      '接线台',
      '知识库',
      '接线预告',
      '征集投票',
      '诉求管理',
      '留言审核',
      '单位职责',
      '用户',
      '审计日志',
    ]);
    expect(await navigation.getByRole('link', { name: '知识库' }).getAttribute('aria-current')).toBe('page');
  });

  it('uploads three files at once: two 已入库 and the malformed PDF 失败 with a reason, progress seen moving', async () => {
    const docx = await makeDocx([
      { text: '宁德市公共租赁住房管理办法', heading: 1 },
      { text: '第六条 申请公共租赁住房，应当提交家庭收入证明和户籍证明。' },
    ]);
    const brokenPdf = makePdf([['宁德市养老服务补贴办法', '第三条 八十周岁以上老人可以申请。']]).subarray(0, 300);
    await page.getByLabel(/选择文件/).setInputFiles([
      { name: '住房公积金管理条例.md', mimeType: 'text/markdown', buffer: fs.readFileSync(lawFile) },
      { name: '公租房办法.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx },
      { name: '养老补贴.pdf', mimeType: 'application/pdf', buffer: brokenPdf },
    ]);
    await page.getByRole('button', { name: '上传', exact: true }).click();

    // Every status and progress value each file shows until all three are done.
    const seen = new Map<string, Set<string>>();
    const values = new Map<string, number[]>();
    let screenshotTaken = false;
    const started = Date.now();
    for (;;) {
      const rows = await page.locator('.upload-row').evaluateAll((elements) =>
        elements.map((element) => ({
          name: element.querySelector('.upload-name')?.textContent ?? '',
          status: element.querySelector('.upload-status')?.textContent ?? '',
          value: Number((element.querySelector('progress') as unknown as { value: number } | null)?.value ?? 0),
        })),
      );
      for (const row of rows) {
        seen.set(row.name, (seen.get(row.name) ?? new Set()).add(row.status.replace(/\d+%/, '%').split('，')[0]!));
        const list = values.get(row.name) ?? [];
        if (list.at(-1) !== row.value) list.push(row.value);
        values.set(row.name, list);
      }
      if (!screenshotTaken && rows.some((row) => /排队中|解析中/.test(row.status))) {
        await page.screenshot({ path: path.join(outputFolder, 'knowledge-upload-progress.png'), fullPage: true });
        screenshotTaken = true;
      }
      if (rows.length === 3 && rows.every((row) => /^(已入库|失败)/.test(row.status))) break;
      if (Date.now() - started > 120_000) throw new Error(`uploads did not finish: ${JSON.stringify(rows)}`);
      await page.waitForTimeout(30);
    }
    expect(await statusOf('住房公积金管理条例.md').textContent()).toMatch(/^已入库，\d+ 个段落$/);
    expect(await statusOf('公租房办法.docx').textContent()).toMatch(/^已入库/);
    const failure = (await statusOf('养老补贴.pdf').textContent())!;
    expect(failure).toMatch(/^失败：.*[\u4e00-\u9fa5]{4}/);
    expect(failure).not.toMatch(/Error|undefined/);
    // Progress moved through more than one stage for the files that waited their turn, and never went back.
    const stagesSeen = [...seen.values()].reduce((count, stages) => Math.max(count, stages.size), 0);
    expect(stagesSeen).toBeGreaterThanOrEqual(2);
    for (const list of values.values()) expect([...list].sort((left, right) => left - right)).toEqual(list);
    expect(values.get('住房公积金管理条例.md')!.at(-1)).toBe(100);
    expect(screenshotTaken).toBe(true);

    // The list shows both documents, and the failed upload with its reason.
    const list = page.getByRole('list', { name: '知识库文件' });
    await list.locator('.document-title').getByText('住房公积金管理条例', { exact: true }).waitFor();
    await list.locator('.document-title').getByText('宁德市公共租赁住房管理办法', { exact: true }).waitFor();
    await list
      .locator('.document-item', { hasText: '养老补贴.pdf' })
      .getByText(/^失败：/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'knowledge-uploaded.png'), fullPage: true });
  });

  it('命中测试 by keyboard finds the passage of the uploaded law, with scores and the threshold', async () => {
    await page.getByLabel('测试问题').focus();
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');
    const hits = page.getByRole('list', { name: '命中段落' });
    const first = hits.getByRole('listitem').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('住房公积金管理条例');
    expect(await first.textContent()).toContain('达到阈值');
    expect(await first.textContent()).toMatch(/分数 0\.\d{3} · 覆盖度 0\.\d{3}/);
    expect(await first.locator('.excerpt').textContent()).toContain('提取');
    await page.getByText(/相关度阈值 0\.25/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'knowledge-hit-test.png'), fullPage: true });
  });

  it('shows a document’s chunks with their heading paths, and rebuilds the index with progress', async () => {
    await page.getByRole('button', { name: /^查看段落\s*住房公积金管理条例$/ }).click();
    await page.getByRole('heading', { name: /“住房公积金管理条例”的段落/ }).waitFor();
    await page.getByText('标题路径：住房公积金管理条例 › 第四章 提取和使用 › 第二十四条').waitFor();
    await page.getByRole('button', { name: '收起段落' }).click();

    await page.getByRole('button', { name: '重建索引' }).click();
    await page.getByText(/^重建完成：\d+ 个段落$/).waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('重建索引进度').getAttribute('value')).toBe('100');
  });

  it('deletes a document after a confirmation, and search no longer finds it', async () => {
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: /^删除\s*住房公积金管理条例$/ }).click();
    await page.getByText('已删除“住房公积金管理条例”。').waitFor();
    expect(asked).toContain('确定删除“住房公积金管理条例”吗');
    await page
      .getByRole('list', { name: '知识库文件' })
      .locator('.document-title')
      .getByText('住房公积金管理条例', { exact: true })
      .waitFor({ state: 'detached' });

    await page.getByLabel('测试问题').fill(question);
    await page.getByRole('button', { name: '测试', exact: true }).click();
    await page.getByText(/相关度阈值/).waitFor();
    // The new answer replaces the earlier hits when it arrives: give it up to 10 s on a loaded machine.
    const shownHits = async () => (await page.locator('.hit-list, .none').first().textContent()) ?? '';
    for (let waited = 0; waited < 10_000 && (await shownHits()).includes('住房公积金管理条例'); waited += 100)
      await page.waitForTimeout(100);
    expect(await shownHits()).not.toContain('住房公积金管理条例');
    const search = (await (await fetch(`${served.url}/api/knowledge/search?q=${encodeURIComponent(question)}`)).json()) as {
      items: { title: string }[];
    };
    expect(search.items.map((item) => item.title)).not.toContain('住房公积金管理条例');
    const audit = await testApp.services.repositories.auditLog.list(30);
    expect(audit.map((entry) => entry.what)).toEqual(
      expect.arrayContaining([
        'knowledge.upload.queue',
        'knowledge.upload',
        'knowledge.upload.failed',
        'knowledge.reindex',
        'knowledge.delete',
      ]),
    );
  });

  it('works at 375 px and by keyboard, axe-clean', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByRole('heading', { name: '知识库', level: 1 }).waitFor();
    await page.getByRole('list', { name: '知识库文件' }).waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    await tabUntil(page, (focused) => focused.tagName === 'BUTTON' && focused.text === '上传');
    await tabUntil(page, (focused) => focused.id === 'hit-test-question');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, 'knowledge-375.png'), fullPage: true });
    expect(realProblems(problems)).toEqual([]);
  });

  it('an official gets 403 on the page and its API, and no admin navigation', async () => {
    const official = await newPage();
    await official.page.goto(`${served.url}/admin/login?next=/admin/knowledge`);
    await logInByKeyboard(official.page, 'housing-official', officialPassword);
    await official.page.getByRole('heading', { name: '知识库', level: 1 }).waitFor();
    await official.page.getByRole('alert').filter({ hasText: '只有管理员可以管理知识库' }).waitFor();
    expect(await official.page.getByRole('navigation', { name: '管理后台' }).count()).toBe(0);
    const reload = await official.page.reload();
    expect(reload?.status()).toBe(403);
    const api = await official.page.evaluate(async () => (await fetch('/api/admin/knowledge/documents')).status);
    expect(api).toBe(403);
    expect(await seriousViolations(official.page)).toEqual([]);
    await official.page.screenshot({ path: path.join(outputFolder, 'knowledge-official-403.png'), fullPage: true });
    expect(realProblems(official.problems)).toEqual([]);
  });
});
