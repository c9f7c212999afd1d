import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import * as schema from './schema';

/** Both drivers give this type, so repositories are written once for PGlite and PostgreSQL alike. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL; when absent, PGlite stores the database in `dataDirectory` (or in memory when that is absent too). */
  databaseUrl?: string | undefined;
  dataDirectory?: string | undefined;
  /** PostgreSQL only: how long a query may wait for its answer before it fails (default 30 s). */
  queryTimeoutMs?: number;
  /** PostgreSQL only: how long to wait for a connection, new or from the pool (default 5 s). */
  connectionTimeoutMs?: number;
}

const migrationsFolder = path.join(__dirname, 'migrations');

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: 10,
      // While the server is down or restarting, a request fails within these bounds (the error handler answers
      // 503) instead of waiting with the citizen; a server that stops answering mid-query is bounded too.
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
      query_timeout: options.queryTimeoutMs ?? 30_000,
      // Idle connections are closed after a while and TCP keep-alive notices a server that vanished, so the pool
      // after a restart holds fresh connections rather than dead ones.
      idleTimeoutMillis: 30_000,
      keepAlive: true,
    });
    // A client that loses its server (a restart terminates every session) must not crash the process. The
    // pool's own listener covers idle clients only; a client checked out between two queries of a transaction
    // (each vote is one) would emit an 'error' nobody listens to, and Node ends the process for that. With a
    // listener on every client the transaction's next query fails instead (503), and the pool drops the client
    // when it comes back, so the next request opens a new connection.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = drizzlePostgres(pool, { schema });
    try {
      await migratePostgres(db, { migrationsFolder });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return {
      db: db as unknown as Database,
      driver: 'postgres',
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: () => pool.end(),
    };
  }
  const client = options.dataDirectory ? new PGlite(path.join(options.dataDirectory, 'db')) : new PGlite();
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
