import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUserAccount } from '../server/auth/user-accounts';
import { ensureAdminBuilt } from './support/admin-bundle';
import { appealRows, formulaInjectionCsv, toCsv, toXlsx } from './support/appeal-import-files';
import { launchChromium } from './support/chromium';
import { horizontalOverflow, seriousViolations, tabUntil, watchProblems } from './support/page-checks';
import { createTestApp } from './support/test-app';
import { ensureWebchatBuilt } from './support/webchat-bundle';

jest.setTimeout(400_000);

const outputFolder = path.resolve(__dirname, '../test-output');
const adminPassword = 'records-admin-pass-9';
const password = 'records-secret-pass-7';
const reply = '您好！经核查，小区电梯已于本周修复并通过特种设备检验，物业公司承诺每月维保一次。';

describe('admin panel records pages in Chromium (real app with ADMIN_PASSWORD, demo data)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let files: { csv: string; xlsx: string; formula: string };
  let admin: { page: Page; problems: string[] };
  const contexts: BrowserContext[] = [];
  const newPage = async (viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    return { page, problems: watchProblems(page) };
  };
  const logInByKeyboard = async (page: Page, username: string, secret: string) => {
    await page.getByLabel('用户名').focus();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(secret);
    await page.keyboard.press('Enter');
  };
  const checkPage = async (page: Page, name: string) => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(outputFolder, `admin-${name}.png`), fullPage: true });
  };
  const importFile = async (page: Page, file: string) => {
    await page.getByLabel('选择文件（CSV 或 Excel）').setInputFiles(file);
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByRole('heading', { name: /^导入预览/ }).waitFor();
    const preview = await page.locator('#main').innerText();
    await page.getByRole('button', { name: '确认导入' }).click();
    const done = page.getByRole('status').filter({ hasText: '导入完成' });
    await done.waitFor();
    return { preview, result: await done.innerText(), rejected: await page.locator('.rejected-rows li').allInnerTexts() };
  };

  beforeAll(async () => {
    ensureAdminBuilt();
    ensureWebchatBuilt();
    fs.mkdirSync(outputFolder, { recursive: true });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-records-'));
    files = {
      csv: path.join(folder, '诉求导入.csv'),
      xlsx: path.join(folder, '诉求导入.xlsx'),
      formula: path.join(folder, 'formula.csv'),
    };
    fs.writeFileSync(files.csv, toCsv(appealRows('浏览器')));
    fs.writeFileSync(files.xlsx, await toXlsx(appealRows('表格')));
    fs.writeFileSync(files.formula, formulaInjectionCsv());
    testApp = await createTestApp({ VECTOR_STORE: 'off', ADMIN_PASSWORD: adminPassword }, { demoData: true });
    const { repositories } = testApp.services;
    await createUserAccount(repositories, { username: 'records-official', password, role: 'official', unitId: 'zjj' }, 'test');
    await createUserAccount(repositories, { username: 'records-citizen', password, role: 'citizen' }, 'test');
    await repositories.submissions.create({
      id: 'submission-records-1',
      unitId: 'zjj',
      voterId: 'web:v_records',
      content: '这条留言与接线无关，是广告推销内容，请不要采用。',
    });
    served = await testApp.listen();
    browser = await launchChromium();
    admin = await newPage();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await served?.close();
    await testApp?.close();
  });

  it('a citizen is sent to the login and an official is refused on every records page', async () => {
    const official = await newPage();
    await official.page.goto(`${served.url}/admin/login?next=%2Fadmin%2Fappeals`);
    await logInByKeyboard(official.page, 'records-official', password);
    await official.page.getByRole('heading', { name: '诉求管理' }).waitFor();
    for (const [route, heading] of [
      ['appeals', '诉求管理'],
      ['submissions', '留言审核'],
      ['units', '单位职责'],
      ['users', '用户'],
      ['audit', '审计日志'],
    ] as const) {
      const response = await official.page.goto(`${served.url}/admin/${route}`);
      expect([route, response?.status()]).toEqual([route, 403]);
      await official.page.getByRole('heading', { name: heading }).waitFor();
      await official.page.getByRole('alert').filter({ hasText: '此页面仅管理员可以使用' }).waitFor();
    }
    await checkPage(official.page, 'records-official-refused');

    const citizen = await newPage();
    for (const route of ['appeals', 'submissions', 'units', 'users', 'audit']) {
      await citizen.page.goto(`${served.url}/admin/${route}`);
      await citizen.page.getByRole('heading', { name: '登录' }).waitFor();
      expect(new URL(citizen.page.url()).searchParams.get('next')).toBe(`/admin/${route}`);
    }
  });

  it('诉求管理: a CSV of 50 rows with 3 bad ones imports 47 and reports the 3; the same file again changes nothing', async () => {
    const { page } = admin;
    await page.goto(`${served.url}/admin/appeals`);
    await logInByKeyboard(page, 'admin', adminPassword);
    await page.getByRole('heading', { name: '诉求管理' }).waitFor();
    const before = await testApp.services.repositories.appeals.count();

    const first = await importFile(page, files.csv);
    expect(first.preview).toContain('共 50 行，可导入 47 行（其中 0 行已导入过');
    expect(first.result).toContain('新增 47 条');
    expect(first.rejected).toEqual([
      '第 12 行：诉求内容为空',
      expect.stringContaining('第 25 行：受理时间“去年春天”无法识别'),
      '第 40 行：承办单位“宁德市不存在局”不在单位列表中',
    ]);
    expect(await testApp.services.repositories.appeals.count()).toBe(before + 47);
    await checkPage(page, 'appeals-import');

    const second = await importFile(page, files.csv);
    expect(second.preview).toContain('其中 47 行已导入过');
    expect(second.result).toContain('新增 0 条，已存在未变 47 条，被拒绝 3 行');
    expect(await testApp.services.repositories.appeals.count()).toBe(before + 47);

    const xlsx = await importFile(page, files.xlsx);
    expect(xlsx.result).toContain('新增 47 条');
    expect(await testApp.services.repositories.appeals.count()).toBe(before + 94);
  });

  it('a formula cell is shown as text and never runs', async () => {
    const { page } = admin;
    const result = await importFile(page, files.formula);
    expect(result.result).toContain('新增 2 条');
    await page.getByLabel('关键词').fill('calc');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText("=cmd|' /C calc'!A0", { exact: true }).waitFor();
  });

  it('发布答复 by keyboard: the public detail shows the reply, and the audit log shows before/after', async () => {
    const { page } = admin;
    await page.getByLabel('关键词').fill('浏览器小区电梯长期停运（第1件）');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('button', { name: '编辑：浏览器小区电梯长期停运（第1件）' }).click();
    await page.getByRole('heading', { name: /^编辑诉求/ }).waitFor();
    await page.getByLabel('答复内容').focus();
    await page.keyboard.type(reply);
    await page.getByLabel('答复单位').fill('宁德市住房和城乡建设局');
    await tabUntil(page, (focused) => focused.text === '发布答复');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '答复已发布' }).waitFor();
    await checkPage(page, 'appeals-publish-reply');
    const href = await page.getByRole('link', { name: '查看公开页面' }).getAttribute('href');

    const visitor = await newPage();
    await visitor.page.goto(`${served.url}${href}`);
    await visitor.page.getByRole('heading', { name: '浏览器小区电梯长期停运（第1件）' }).waitFor();
    await visitor.page.getByText(reply).waitFor();
    await visitor.page.screenshot({ path: path.join(outputFolder, 'admin-public-detail-with-reply.png'), fullPage: true });

    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.getByLabel('操作类型').selectOption({ label: '发布答复' });
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByText('共 1 条记录').waitFor();
    const table = page.getByRole('table', { name: /修改前后/ });
    await expect(table.getByRole('row', { name: /状态（已改） 办理中 已办结/ }).count()).resolves.toBe(1);
    await expect(table.getByRole('row', { name: /答复内容（已改） （空）/ }).count()).resolves.toBe(1);
    await checkPage(page, 'audit-publish-reply');
  });

  it('留言审核, 单位职责 and 用户: each write appears in 审计日志 with before/after', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: '留言审核' }).click();
    await page.getByRole('heading', { name: '待审核的留言' }).waitFor();
    await page.getByRole('button', { name: '不予采用' }).click();
    await page.getByLabel('不予采用的理由').fill('广告推销，与接线无关');
    await page.getByRole('button', { name: '确认不予采用' }).click();
    await page.getByRole('status').filter({ hasText: '不予采用' }).waitFor();
    await checkPage(page, 'submissions');

    await page.getByRole('link', { name: '单位职责' }).click();
    await page.getByLabel('单位', { exact: true }).selectOption({ label: '宁德市住房公积金中心' });
    await page.getByLabel('别名（用顿号分隔）').fill('公积金中心、公积金、宁德公积金');
    await page.getByRole('button', { name: '保存职责' }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await checkPage(page, 'units');

    await page.getByRole('link', { name: '用户' }).click();
    await page.getByRole('heading', { name: '新建账号' }).waitFor();
    await page.getByLabel('用户名').fill('new-official');
    await page.getByLabel('密码', { exact: true }).fill('new-official-pass-31');
    await page.getByLabel('所属单位').selectOption({ label: '宁德市住房和城乡建设局' });
    await page.getByRole('button', { name: '新建账号' }).click();
    await page.getByRole('status').filter({ hasText: '已新建账号 new-official' }).waitFor();
    await page.getByRole('button', { name: '停用 new-official' }).click();
    await page.getByRole('status').filter({ hasText: '已停用 new-official' }).waitFor();
    await checkPage(page, 'users');

    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByLabel('操作人').selectOption('admin');
    // The unfiltered list already shows these entries: wait for the filtered list's answer, then for the page to
    // leave 正在加载… (reading it earlier caught the page between the two lists).
    const filtered = page.waitForResponse(
      (response) => response.url().includes('/api/admin/audit-log?') && response.url().includes('who=admin'),
    );
    await page.getByRole('button', { name: '筛选' }).click();
    await filtered;
    await page.locator('#main').getByText('正在加载').first().waitFor({ state: 'detached' });
    await page.locator('#main').getByText('留言不予采用：submission-records-1').first().waitFor();
    const text = await page.locator('#main').innerText();
    for (const expected of [
      '留言不予采用：submission-records-1',
      '修改单位职责：gjj',
      '新建账号：new-official',
      '停用账号：new-official',
      '发布答复',
      '导入诉求',
    ]) {
      expect(text).toContain(expected);
    }
    await expect(
      page
        .getByRole('table', { name: /修改前后/ })
        .getByRole('row', { name: /别名（已改）/ })
        .count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('row', { name: /不予采用的理由（已改） （空） 广告推销，与接线无关/ }).count()).resolves.toBe(1);
    await checkPage(page, 'audit');
  });

  it('every records page fits 375 px and passes axe', async () => {
    const narrow = await newPage({ width: 375, height: 800 });
    await narrow.page.goto(`${served.url}/admin/login?next=%2Fadmin%2Fappeals`);
    await logInByKeyboard(narrow.page, 'admin', adminPassword);
    await narrow.page.getByRole('heading', { name: '诉求管理', exact: true }).waitFor();
    for (const [route, heading] of [
      ['appeals', '诉求管理'],
      ['submissions', '留言审核'],
      ['units', '单位职责'],
      ['users', '用户'],
      ['audit', '审计日志'],
    ] as const) {
      await narrow.page.goto(`${served.url}/admin/${route}`);
      await narrow.page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await narrow.page
        .locator('[aria-live="polite"]:has-text("正在加载")')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      expect([route, await horizontalOverflow(narrow.page)]).toEqual([route, []]);
      await checkPage(narrow.page, `${route}-375`);
      await narrow.page.locator('.records-section').last().scrollIntoViewIfNeeded();
      await narrow.page.screenshot({ path: path.join(outputFolder, `admin-${route}-375-view.png`) });
    }
    expect(narrow.problems).toEqual([]);
    expect(admin.problems).toEqual([]);
  });
});
