import request from 'supertest';
import { createUserAccount } from '../server/auth/user-accounts';
import { createTestApp } from './support/test-app';

const adminPassword = 'admin-secret-密码-2026';
const citizenPassword = 'citizen-secret-2026';

const sessionCookieOf = (response: request.Response) => {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const session = cookies.find((cookie) => cookie.startsWith('xn_session='));
  if (!session) throw new Error('no session cookie');
  return session;
};

describe('accounts, sessions, roles and CSRF', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    testApp = await createTestApp({ ADMIN_USERNAME: 'root-admin', ADMIN_PASSWORD: adminPassword, LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
    await testApp.services.repositories.units.insertMissing([
      { id: 'zjj', name: '宁德市住房和城乡建设局', aliases: [], kind: 'municipal', duties: '物业', dutyTopics: [] },
    ]);
    await createUserAccount(testApp.services.repositories, { username: 'citizen-1', password: citizenPassword, role: 'citizen' }, 'test');
  });
  afterAll(() => testApp.close());

  const login = (username: string, password: string) => request(testApp.app).post('/api/auth/login').send({ username, password });

  test('the bootstrap admin from ADMIN_PASSWORD can log in; the cookie is httpOnly and SameSite', async () => {
    const response = await login('root-admin', adminPassword).expect(200);
    expect(response.body.user).toEqual({ id: expect.any(String), username: 'root-admin', role: 'admin', unitId: null });
    expect(response.body.csrfToken).toEqual(expect.any(String));
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await request(testApp.app).get('/api/auth/me').set('Cookie', cookie.split(';')[0]!).expect(200);
    expect(me.body.user.username).toBe('root-admin');
  });

  test('a wrong password and an unknown user get the same generic 401', async () => {
    const wrongPassword = await login('citizen-1', 'not-the-password').expect(401);
    const unknownUser = await login('nobody-here', 'not-the-password').expect(401);
    expect(wrongPassword.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确。' } });
    expect(unknownUser.body).toEqual(wrongPassword.body);
  });

  test('repeated failures for one account answer 429, even with the right password', async () => {
    await createUserAccount(
      testApp.services.repositories,
      { username: 'official-1', password: 'official-secret-1', role: 'official', unitId: 'zjj' },
      'test',
    );
    for (let attempt = 0; attempt < 3; attempt += 1) await login('official-1', 'wrong-password').expect(401);
    const throttled = await login('official-1', 'official-secret-1').expect(429);
    expect(throttled.body.error.code).toBe('RATE_LIMITED');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('per-IP throttle covers guesses spread over many accounts', async () => {
    const perIp = await createTestApp({ LOGIN_MAX_FAILURES_PER_IP: '4' });
    try {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await request(perIp.app)
          .post('/api/auth/login')
          .send({ username: `user-${attempt}`, password: 'guess-guess' })
          .expect(401);
      }
      await request(perIp.app).post('/api/auth/login').send({ username: 'user-9', password: 'guess-guess' }).expect(429);
    } finally {
      await perIp.close();
    }
  });

  test('no login → 401; a citizen on an admin route → 403', async () => {
    await request(testApp.app).get('/api/admin/users').expect(401);
    const citizen = sessionCookieOf(await login('citizen-1', citizenPassword).expect(200)).split(';')[0]!;
    const forbidden = await request(testApp.app).get('/api/admin/users').set('Cookie', citizen).expect(403);
    expect(forbidden.body.error).toEqual({ code: 'FORBIDDEN', message: '您没有权限进行此操作。' });
  });

  test('a cookie-authenticated write needs the CSRF token; with it the write succeeds and is audited', async () => {
    const loggedIn = await login('root-admin', adminPassword).expect(200);
    const cookie = sessionCookieOf(loggedIn).split(';')[0]!;
    const account = { username: 'official-2', password: 'official-secret-2', role: 'official', unitId: 'zjj' };

    const withoutToken = await request(testApp.app).post('/api/admin/users').set('Cookie', cookie).send(account).expect(403);
    expect(withoutToken.body.error.code).toBe('CSRF_FAILED');
    await request(testApp.app).post('/api/admin/users').set('Cookie', cookie).set('X-CSRF-Token', 'forged').send(account).expect(403);
    expect(await testApp.services.repositories.users.findByUsername('official-2')).toBeUndefined();

    const created = await request(testApp.app)
      .post('/api/admin/users')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', loggedIn.body.csrfToken)
      .send(account)
      .expect(201);
    expect(created.body).toEqual({ id: expect.any(String), username: 'official-2', role: 'official', unitId: 'zjj' });
    await request(testApp.app)
      .post('/api/admin/users')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', loggedIn.body.csrfToken)
      .send(account)
      .expect(409);
    await request(testApp.app)
      .post('/api/admin/users')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', loggedIn.body.csrfToken)
      .send({ ...account, username: 'official-3', unitId: 'no-such-unit' })
      .expect(422);

    const audit = await request(testApp.app).get('/api/admin/audit-log').set('Cookie', cookie).expect(200);
    expect(audit.body.items[0]).toMatchObject({ who: 'root-admin', what: 'user.create', target: 'official-2' });
  });

  test('the admin API refuses a guessable password for every role, with a Chinese reason', async () => {
    const loggedIn = await login('root-admin', adminPassword).expect(200);
    const cookie = sessionCookieOf(loggedIn).split(';')[0]!;
    for (const [password, reason] of [
      ['aaaaaaaaaa', '重复'],
      ['1234567890', '连续'],
      ['password123', '常见'],
    ]) {
      for (const role of ['citizen', 'official', 'admin']) {
        const refused = await request(testApp.app)
          .post('/api/admin/users')
          .set('Cookie', cookie)
          .set('X-CSRF-Token', loggedIn.body.csrfToken)
          .send({ username: `weak-${role}`, password, role, ...(role === 'official' ? { unitId: 'zjj' } : {}) })
          .expect(400);
        expect(refused.body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining(reason) });
        expect(await testApp.services.repositories.users.findByUsername(`weak-${role}`)).toBeUndefined();
      }
    }
  });

  test('logout ends the session', async () => {
    const loggedIn = await login('citizen-1', citizenPassword).expect(200);
    const cookie = sessionCookieOf(loggedIn).split(';')[0]!;
    await request(testApp.app).post('/api/auth/logout').set('Cookie', cookie).expect(403);
    await request(testApp.app).post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', loggedIn.body.csrfToken).expect(200);
    await request(testApp.app).get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  test('passwords and session tokens never reach the log', async () => {
    const loggedIn = await login('root-admin', adminPassword).expect(200);
    const token = sessionCookieOf(loggedIn).split(';')[0]!.split('=')[1]!;
    await request(testApp.app).get('/api/auth/me').set('Cookie', `xn_session=${token}`).expect(200);
    const log = testApp.logs.text();
    expect(log).toContain('login succeeded');
    expect(log.length).toBeGreaterThan(1000);
    for (const secret of [adminPassword, citizenPassword, 'not-the-password', 'official-secret-2', token, loggedIn.body.csrfToken]) {
      expect(log).not.toContain(secret);
    }
    const storedHash = (await testApp.services.repositories.users.findByUsername('root-admin'))!.passwordHash;
    expect(log).not.toContain(storedHash.split('$').pop()!);
  });
});
