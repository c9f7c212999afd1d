import request from 'supertest';
import { createUserAccount } from '../server/auth/user-accounts';
import { appealRows, badRowNumbers, formulaInjectionCsv, toCsv, toXlsx } from './support/appeal-import-files';
import { ensureAdminBuilt } from './support/admin-bundle';
import { createTestApp } from './support/test-app';
import { makeZipBomb } from './support/make-zip-bomb';

jest.setTimeout(240_000);

const password = 'records-secret-pass-7';
const adminPassword = 'bootstrap-admin-pass-9';

describe('admin records API (appeals import, replies, units, users, audit)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const logIn = async (username: string, secret = password) => {
    const response = await request(testApp.app).post('/api/auth/login').send({ username, password: secret });
    return {
      status: response.status,
      cookie: ([] as string[])
        .concat(response.headers['set-cookie'] ?? [])
        .map((header) => header.split(';')[0]!)
        .filter((pair) => pair.startsWith('xn_session='))
        .join('; '),
      csrf: response.body.csrfToken as string,
    };
  };
  const asAdmin = (call: request.Test) => call.set('Cookie', sessions.admin!.cookie).set('X-CSRF-Token', sessions.admin!.csrf);
  const upload = (path: string, bytes: Buffer | string, name: string) =>
    asAdmin(request(testApp.app).post(path)).attach('file', Buffer.from(bytes), name);

  beforeAll(async () => {
    ensureAdminBuilt();
    testApp = await createTestApp({ VECTOR_STORE: 'off', ADMIN_PASSWORD: adminPassword }, { demoData: true });
    const { repositories } = testApp.services;
    await createUserAccount(repositories, { username: 'records-official', password, role: 'official', unitId: 'zjj' }, 'test');
    await createUserAccount(repositories, { username: 'records-citizen', password, role: 'citizen' }, 'test');
    const admin = await logIn('admin', adminPassword);
    sessions.admin = admin;
    sessions.official = await logIn('records-official');
    sessions.citizen = await logIn('records-citizen');
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('imports 47 of 50 rows, reports the 3 bad ones, and a second import changes nothing', async () => {
    const before = await testApp.services.repositories.appeals.count();
    const csv = toCsv(appealRows('接口'));
    const preview = await upload('/api/admin/appeals/import/preview', csv, 'appeals.csv').expect(200);
    expect(preview.body).toMatchObject({ format: 'csv', totalRows: 50, validRows: 47, alreadyStored: 0, missingFields: [] });
    expect(preview.body.columns.map((column: { label: string }) => column.label)).toEqual([
      '标题',
      '诉求内容',
      '受理时间',
      '承办单位',
      '诉求类型',
      '办理状态',
    ]);
    expect(await testApp.services.repositories.appeals.count()).toBe(before);

    const first = await upload('/api/admin/appeals/import', csv, 'appeals.csv').expect(200);
    expect(first.body.imported).toBe(47);
    expect(first.body.rejected.map((row: { rowNumber: number }) => row.rowNumber)).toEqual(badRowNumbers);
    expect(first.body.rejected.map((row: { reason: string }) => row.reason)).toEqual([
      '诉求内容为空',
      expect.stringContaining('受理时间“去年春天”无法识别'),
      '承办单位“宁德市不存在局”不在单位列表中',
    ]);
    expect(await testApp.services.repositories.appeals.count()).toBe(before + 47);
    const insights = await testApp.services.repositories.appeals.countInsights();

    const second = await upload('/api/admin/appeals/import', csv, 'appeals.csv').expect(200);
    expect(second.body).toMatchObject({ imported: 0, unchanged: 47 });
    expect(await testApp.services.repositories.appeals.count()).toBe(before + 47);
    expect(await testApp.services.repositories.appeals.countInsights()).toBe(insights);
    const audit = await asAdmin(request(testApp.app).get('/api/admin/audit-log?what=appeal.import')).expect(200);
    expect(audit.body.total).toBe(1);
    expect(audit.body.items[0]).toMatchObject({ who: 'admin', what: 'appeal.import', after: expect.objectContaining({ imported: 47 }) });
  });

  it('imports an XLSX file the same way, and refuses a file without the required columns whole', async () => {
    const before = await testApp.services.repositories.appeals.count();
    const xlsx = await toXlsx(appealRows('表格'));
    const result = await upload('/api/admin/appeals/import', xlsx, 'appeals.xlsx').expect(200);
    expect(result.body).toMatchObject({ imported: 47 });
    expect(result.body.rejected.map((row: { rowNumber: number }) => row.rowNumber)).toEqual(badRowNumbers);
    expect(await testApp.services.repositories.appeals.count()).toBe(before + 47);
    await upload('/api/admin/appeals/import', xlsx, 'appeals.xlsx').expect(200, /"imported":0/);

    const noContent = await upload('/api/admin/appeals/import', '标题,时间\n一,2025-01-01\n', 'bad.csv').expect(422);
    expect(noContent.body.error.message).toContain('诉求内容');
    await upload('/api/admin/appeals/import', Buffer.alloc(6 * 1024 * 1024, 0x41), 'big.csv').expect(413);
    await upload('/api/admin/appeals/import', Buffer.from('PK\u0003\u0004 not a zip'), 'broken.xlsx').expect(422);
    // A 300 KB archive that inflates to 300 MB while declaring 1 KB: stopped while it is inflated, before exceljs.
    const lying = await makeZipBomb({ inflatedBytes: 300 * 1024 * 1024, declaredBytes: 1024 });
    const bomb = await upload('/api/admin/appeals/import/preview', lying, 'bomb.xlsx').expect(413);
    expect(bomb.body.error.message).toContain('超过 40 MB');
    await upload('/api/admin/appeals/import', lying, 'bomb.xlsx').expect(413);
    expect(await testApp.services.repositories.appeals.count()).toBe(before + 47);
  });

  it('keeps formula cells as text and exports them neutralised; a path-traversal file name is only a label', async () => {
    const before = await testApp.services.repositories.appeals.count();
    // A control character in the name is refused before anything is read.
    await upload('/api/admin/appeals/import', formulaInjectionCsv(), 'bad\u0000name.csv').expect(400);
    expect(await testApp.services.repositories.appeals.count()).toBe(before);
    const result = await upload('/api/admin/appeals/import', formulaInjectionCsv(), '../../../etc/passwd.csv').expect(200);
    expect(result.body).toMatchObject({ imported: 2, fileName: 'passwd.csv' });
    const listed = await asAdmin(request(testApp.app).get('/api/admin/appeals?q=calc')).expect(200);
    expect(listed.body.items[0]).toMatchObject({ title: "=cmd|' /C calc'!A0", source: 'import:passwd.csv' });
    const exported = await asAdmin(request(testApp.app).get('/api/admin/appeals/export.csv?source=import:passwd.csv')).expect(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const lines = exported.text.split('\r\n');
    expect(lines.some((line) => line.includes(`"'=cmd|' /C calc'!A0"`))).toBe(true);
    expect(lines.some((line) => line.includes(`"'@SUM(1+1)"`) && line.includes(`"'+1+1 小区道路破损`))).toBe(true);
    expect(exported.text).not.toMatch(/(^|,)"=/m);
  });

  it('publishing a reply shows it on the public detail, recomputes the insight and is audited before/after', async () => {
    const { items } = (await asAdmin(request(testApp.app).get('/api/admin/appeals?q=接口小区电梯长期停运（第1件）')).expect(200)).body;
    const id = items[0].id as string;
    expect((await request(testApp.app).get(`/api/appeals/${id}`).expect(200)).body.reply).toBeNull();
    const computedBefore = (await testApp.services.repositories.appeals.getInsight(id))!.computedAt;
    const reply = '您好！经核查，电梯已于本周修复并通过检验，物业公司已承诺每月维保。';
    const published = await asAdmin(request(testApp.app).post(`/api/admin/appeals/${id}/publish-reply`))
      .send({ reply, replyUnit: '宁德市住房和城乡建设局' })
      .expect(200);
    expect(published.body).toMatchObject({ status: '已办结', replyPublished: true });
    const detail = (await request(testApp.app).get(`/api/appeals/${id}`).expect(200)).body;
    expect(detail).toMatchObject({ status: '已办结', reply, replyUnit: '宁德市住房和城乡建设局' });
    expect((await testApp.services.repositories.appeals.getInsight(id))!.computedAt.getTime()).toBeGreaterThan(computedBefore.getTime());
    const audit = (await asAdmin(request(testApp.app).get(`/api/admin/audit-log?target=${id}`)).expect(200)).body.items;
    expect(audit[0]).toMatchObject({
      what: 'appeal.publish-reply',
      before: expect.objectContaining({ status: '办理中', reply: null }),
      after: expect.objectContaining({ status: '已办结', reply, replyUnit: '宁德市住房和城乡建设局' }),
    });

    const session = (await testApp.services.repositories.previews.list())[0]!;
    const edited = await asAdmin(request(testApp.app).patch(`/api/admin/appeals/${id}`))
      .send({ sessionId: session.id, status: '已解决' })
      .expect(200);
    expect(edited.body).toMatchObject({ sessionId: session.id, status: '已解决' });
    await asAdmin(request(testApp.app).patch(`/api/admin/appeals/${id}`))
      .send({ status: '不存在' })
      .expect(400);
  });

  it('a unit’s duties and aliases take effect at once: hot topics and the agent’s routing follow', async () => {
    const topicsBefore = (await asAdmin(request(testApp.app).get('/api/units/gjj/hot-topics')).expect(200)).body.items as {
      topic: string;
    }[];
    const edited = await asAdmin(request(testApp.app).patch('/api/admin/units/gjj'))
      .send({ aliases: ['公积金中心', '公积金', '宁德公积金'], dutyTopics: ['住房公积金', '物业管理'] })
      .expect(200);
    expect(edited.body.aliases).toContain('宁德公积金');
    const topicsAfter = (await asAdmin(request(testApp.app).get('/api/units/gjj/hot-topics')).expect(200)).body.items as {
      topic: string;
    }[];
    expect(topicsAfter.length).toBeGreaterThan(topicsBefore.length);
    const answer = await request(testApp.app).post('/api/chat').send({ message: '宁德公积金最近有哪些诉求？' }).expect(200);
    expect(answer.body.answer).toContain('住房公积金');
    const audit = (await asAdmin(request(testApp.app).get('/api/admin/audit-log?what=unit.')).expect(200)).body.items;
    expect(audit[0]).toMatchObject({
      target: 'gjj',
      before: expect.objectContaining({ aliases: expect.not.arrayContaining(['宁德公积金']) }),
    });
  });

  it('accounts: a disabled account cannot log in and its sessions end; reset password; bind an official', async () => {
    const created = await asAdmin(request(testApp.app).post('/api/admin/users'))
      .send({ username: 'temp-official', password, role: 'official', unitId: 'zjj' })
      .expect(201);
    const session = await logIn('temp-official');
    await request(testApp.app).get('/api/auth/me').set('Cookie', session.cookie).expect(200);
    await asAdmin(request(testApp.app).post(`/api/admin/users/${created.body.id}/disable`)).expect(200, /"disabled":true/);
    await request(testApp.app).get('/api/auth/me').set('Cookie', session.cookie).expect(401);
    expect((await logIn('temp-official')).status).toBe(403);
    await asAdmin(request(testApp.app).post(`/api/admin/users/${created.body.id}/enable`)).expect(200, /"disabled":false/);
    await asAdmin(request(testApp.app).post(`/api/admin/users/${created.body.id}/reset-password`))
      .send({ password: 'short' })
      .expect(400);
    await asAdmin(request(testApp.app).post(`/api/admin/users/${created.body.id}/reset-password`))
      .send({ password: 'another-strong-pass-42' })
      .expect(200);
    expect((await logIn('temp-official')).status).toBe(401);
    expect((await logIn('temp-official', 'another-strong-pass-42')).status).toBe(200);
    await asAdmin(request(testApp.app).patch(`/api/admin/users/${created.body.id}`))
      .send({ unitId: 'gjj' })
      .expect(200, /"unitId":"gjj"/);
    await asAdmin(request(testApp.app).patch(`/api/admin/users/${created.body.id}`))
      .send({ unitId: null })
      .expect(422);
    const adminId = (await testApp.services.repositories.users.findByUsername('admin'))!.id;
    await asAdmin(request(testApp.app).post(`/api/admin/users/${adminId}/disable`)).expect(422);
    const audit = (await asAdmin(request(testApp.app).get('/api/admin/audit-log?what=user.&target=temp-official')).expect(200)).body.items;
    expect(audit.map((entry: { what: string }) => entry.what)).toEqual([
      'user.bind-unit',
      'user.reset-password',
      'user.enable',
      'user.disable',
      'user.create',
    ]);
    expect(JSON.stringify(audit)).not.toContain('another-strong-pass-42');
    expect(audit[0]).toMatchObject({ before: { unitId: 'zjj' }, after: { unitId: 'gjj' } });
  });

  it('the audit log filters by who, what and when', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const byAdmin = (await asAdmin(request(testApp.app).get(`/api/admin/audit-log?who=admin&from=${today}&to=${today}`)).expect(200)).body;
    expect(byAdmin.total).toBeGreaterThan(5);
    expect(byAdmin.items.every((entry: { who: string }) => entry.who === 'admin')).toBe(true);
    expect(byAdmin.choices.what).toEqual(expect.arrayContaining(['appeal.import', 'appeal.publish-reply', 'unit.update', 'user.disable']));
    const yesterday = (await asAdmin(request(testApp.app).get('/api/admin/audit-log?to=2020-01-01')).expect(200)).body;
    expect(yesterday.total).toBe(0);
  });

  it('citizens and officials get 403 on every admin route, anonymous callers 401, and writes need the CSRF token', async () => {
    const document = (await request(testApp.app).get('/api/openapi.json').expect(200)).body;
    const adminRoutes = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      path.startsWith('/api/admin/') ? Object.keys(methods).map((method) => ({ method, path: path.replace(/\{[^}]+\}/g, 'x') })) : [],
    );
    expect(adminRoutes.length).toBeGreaterThanOrEqual(15);
    for (const { method, path } of adminRoutes) {
      const call = (request(testApp.app) as unknown as Record<string, (path: string) => request.Test>)[method]!(path);
      for (const who of ['citizen', 'official'] as const) {
        const response = await (request(testApp.app) as unknown as Record<string, (path: string) => request.Test>)[method]!(path)
          .set('Cookie', sessions[who]!.cookie)
          .set('X-CSRF-Token', sessions[who]!.csrf);
        expect(`${who} ${method} ${path} ${response.status}`).toBe(`${who} ${method} ${path} 403`);
      }
      expect(`${method} ${path} ${(await call).status}`).toBe(`${method} ${path} 401`);
    }
    const withoutToken = await request(testApp.app)
      .patch('/api/admin/units/zjj')
      .set('Cookie', sessions.admin!.cookie)
      .send({ aliases: ['x'] });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error.code).toBe('CSRF_FAILED');
    for (const page of ['appeals', 'submissions', 'units', 'users', 'audit']) {
      const asOfficial = await request(testApp.app).get(`/admin/${page}`).set('Cookie', sessions.official!.cookie);
      expect([page, asOfficial.status]).toEqual([page, 403]);
      const asCitizen = await request(testApp.app).get(`/admin/${page}`).set('Cookie', sessions.citizen!.cookie).redirects(0);
      expect([page, asCitizen.status, asCitizen.headers.location]).toEqual([page, 302, `/admin/login?next=%2Fadmin%2F${page}`]);
    }
  });
});
