import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig with REDIS_URL (several processes)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-config-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const redis = { DATA_DIR: dataDir, REDIS_URL: 'redis://redis.internal:6379' };

  test('refuses PGlite, naming DATABASE_URL', () => {
    expect(() => loadConfig({ ...redis, CHROMA_URL: 'http://chroma.internal:8000' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...redis, CHROMA_URL: 'http://chroma.internal:8000' })).toThrow(/DATABASE_URL.*PGlite/);
  });

  test('refuses the embedded Chroma, naming CHROMA_URL', () => {
    expect(() => loadConfig({ ...redis, DATABASE_URL: 'postgres://x:y@db.internal/xiaoning' })).toThrow(/CHROMA_URL.*内置 Chroma/);
  });

  test('starts with PostgreSQL and a Chroma server, or with vectors off', () => {
    expect(
      loadConfig({ ...redis, DATABASE_URL: 'postgres://x:y@db.internal/xiaoning', CHROMA_URL: 'http://chroma.internal:8000' }).redisUrl,
    ).toBe('redis://redis.internal:6379');
    expect(loadConfig({ ...redis, DATABASE_URL: 'postgres://x:y@db.internal/xiaoning', VECTOR_STORE: 'off' }).redisUrl).toBe(
      'redis://redis.internal:6379',
    );
  });
});
