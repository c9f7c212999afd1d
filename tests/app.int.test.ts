import request from 'supertest';
import { createTestApp } from './support/test-app';

const sampleUnits = [
  {
    id: 'zjj',
    name: '宁德市住房和城乡建设局',
    aliases: ['住建局'],
    kind: 'municipal' as const,
    duties: '物业服务监管',
    dutyTopics: ['物业管理'],
  },
  { id: 'xpx', name: '霞浦县人民政府', aliases: ['霞浦'], kind: 'county' as const, duties: '县域事务', dutyTopics: [] },
];

describe('the HTTP API foundation', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    testApp = await createTestApp();
    await testApp.services.repositories.units.insertMissing(sampleUnits);
  });
  afterAll(() => testApp.close());

  test('GET /api/health reports every component and answers 200 when the essential ones are ok', async () => {
    const response = await request(testApp.app).get('/api/health').expect(200);
    expect(response.body.status).toBe('degraded');
    expect(response.body.components.database).toEqual({ status: 'ok', detail: expect.stringContaining('PGlite'), essential: true });
    expect(response.body.components.chatModel).toMatchObject({ status: 'ok', essential: true });
    expect(response.body.components.vectorStore).toMatchObject({ status: 'down', essential: false });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('GET /api/units lists the units, municipal bureaus first', async () => {
    const response = await request(testApp.app).get('/api/units').expect(200);
    expect(response.body.items.map((unit: { id: string }) => unit.id)).toEqual(['zjj', 'xpx']);
    expect(response.body.items[0]).toEqual(sampleUnits[0]);
  });

  test('GET /api/openapi.json describes the routes with the schemas that validate them', async () => {
    const response = await request(testApp.app).get('/api/openapi.json').expect(200);
    expect(response.body.openapi).toBe('3.0.3');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/units', '/api/auth/login', '/api/admin/users', '/api/admin/audit-log']),
    );
    const login = response.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(login.responses['401'].content['application/json'].schema.properties.error).toBeDefined();
    const auditQuery = response.body.paths['/api/admin/audit-log'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(auditQuery).toEqual(['who', 'what', 'target', 'from', 'to', 'limit', 'offset']);
  });

  test('malformed JSON, an oversized body and an unknown route get the error shape, and the process stays up', async () => {
    const malformed = await request(testApp.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": ')
      .expect(400);
    expect(malformed.body).toEqual({ error: { code: 'INVALID_JSON', message: expect.stringMatching(/JSON/) } });

    const oversized = await request(testApp.app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'a', password: 'x'.repeat(200 * 1024) }))
      .expect(413);
    expect(oversized.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    const unknown = await request(testApp.app).get('/api/no-such-thing').expect(404);
    expect(unknown.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });

    const invalid = await request(testApp.app).get('/api/admin/audit-log?limit=abc').expect(401);
    expect(invalid.body.error.code).toBe('UNAUTHENTICATED');

    await request(testApp.app).get('/api/health').expect(200);
    for (const body of [malformed.body, oversized.body, unknown.body])
      expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|Error:/);
  });

  test('a body that fails validation gets 400 naming the field, in Chinese', async () => {
    const response = await request(testApp.app).post('/api/auth/login').send({ username: '' }).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(/username/);
    expect(response.body.error.message).toMatch(/请检查/);
  });
});

describe('per-IP API rate limit', () => {
  test('answers 429 with the error shape past the limit; 0 disables it', async () => {
    const limited = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '3' });
    const unlimited = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '0' });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) await request(limited.app).get('/api/units').expect(200);
      const refused = await request(limited.app).get('/api/units').expect(429);
      expect(refused.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringContaining('频繁') } });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      for (let attempt = 0; attempt < 10; attempt += 1) await request(unlimited.app).get('/api/units').expect(200);
    } finally {
      await limited.close();
      await unlimited.close();
    }
  });
});
