import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL server the Postgres suites use. CI starts Debian's postgresql and sets
 * TEST_DATABASE_URL; locally the same default is tried.
 */
export const adminDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://xiaoning_test:xiaoning_test@127.0.0.1:5432/postgres';

export async function isPostgresReachable(): Promise<boolean> {
  const client = new Client({ connectionString: adminDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh database per suite, so suites never see each other's rows; dropped by the returned function. */
export async function createTemporaryDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `xiaoning_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminDatabaseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Declares a Postgres suite: skipped with a visible notice when no server answers locally,
 * but failing in CI, where the server is part of the job and its absence is a broken set-up.
 */
export function describePostgres(title: string, body: () => void): void {
  const reachable = process.env.XN_POSTGRES_REACHABLE === '1';
  if (reachable) {
    describe(title, body);
    return;
  }
  if (process.env.CI) {
    test(`${title}: a PostgreSQL server must be reachable in CI at ${new URL(adminDatabaseUrl).host}`, () => {
      throw new Error('No PostgreSQL server reachable; .ci/run must install and start it.');
    });
    return;
  }
  console.warn(
    `\n*** SKIPPED "${title}": no PostgreSQL server reachable at ${new URL(adminDatabaseUrl).host}. ` +
      'Set TEST_DATABASE_URL or start one (see .ci/run). ***\n',
  );
  describe.skip(`${title} (SKIPPED: no PostgreSQL server reachable)`, body);
}
