import express from 'express';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { openDatabase, type DatabaseHandle } from '../storage';
import { createPostgresCluster, type PostgresCluster } from '../tests/support/postgres-cluster';
import { databaseUnavailableMessage, errorHandler } from './errors';

/**
 * A PostgreSQL restart seen through the one error handler, against a real server this test starts (its own
 * throw-away cluster on a free port, never the shared one): while the server is away a request answers 503
 * with a Chinese message within the pool's bounds, and the same pool serves again once it is back.
 */
jest.setTimeout(60_000);

describe('PostgreSQL unavailable', () => {
  let cluster: PostgresCluster;
  let database: DatabaseHandle;
  const app = express();
  app.get('/count', async (_request, response, next) => {
    try {
      const result = await database.db.execute(sql`select count(*)::int as count from units`);
      response.json({ rows: (result as unknown as { rows: unknown[] }).rows });
    } catch (error) {
      next(error);
    }
  });
  app.get('/slow', async (_request, response, next) => {
    try {
      await database.db.execute(sql`select pg_sleep(5)`);
      response.json({ slept: true });
    } catch (error) {
      next(error);
    }
  });
  app.use(errorHandler);

  beforeAll(async () => {
    cluster = await createPostgresCluster();
    database = await openDatabase({ databaseUrl: cluster.url, queryTimeoutMs: 1000, connectionTimeoutMs: 2000 });
  });

  afterAll(async () => {
    await database?.close();
    await cluster?.destroy();
  });

  test('a restart: 503 in Chinese while it is away, answers again by itself afterwards', async () => {
    await request(app).get('/count').expect(200);
    await cluster.stop();
    const started = Date.now();
    const down = await request(app).get('/count');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: databaseUnavailableMessage } });
    expect(down.headers['retry-after']).toBe('5');
    expect(down.text).not.toMatch(/ECONNREFUSED|5432|at |Error/);
    expect(Date.now() - started).toBeLessThan(3000);
    await cluster.start();
    await request(app).get('/count').expect(200);
  });

  test('a restart in the middle of a transaction fails that transaction, not the process', async () => {
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const transaction = database.db.transaction(async (inside) => {
        await inside.execute(sql`select 1`);
        // The server terminates this session while the transaction waits between two queries.
        await cluster.stop();
        await new Promise((resolve) => setTimeout(resolve, 200));
        await inside.execute(sql`select 1`);
      });
      await expect(transaction).rejects.toThrow();
      const failed = await request(app).get('/count');
      expect(failed.status).toBe(503);
      await cluster.start();
      await request(app).get('/count').expect(200);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', record);
    }
  });

  test('a query the server does not answer in time fails with 503 within the query bound', async () => {
    const started = Date.now();
    const response = await request(app).get('/slow');
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(3000);
    // The pool is still usable after the timed-out connection was discarded.
    await request(app).get('/count').expect(200);
  });
});
