import { columnApiSuite } from './column-api.suite';
import { createTemporaryDatabase, describePostgres } from './support/postgres-server';
import { createTestApp } from './support/test-app';

jest.setTimeout(120_000);

describePostgres('column API on a PostgreSQL server', () => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await drop?.();
  });
  columnApiSuite(async () => {
    const database = await createTemporaryDatabase();
    drop = database.drop;
    return createTestApp(
      { API_RATE_LIMIT_PER_MINUTE: '0', VOTE_RATE_LIMIT_PER_IP_HOUR: '0', VECTOR_STORE: 'off' },
      { knowledge: true, demoData: true, databaseUrl: database.url },
    );
  });
});
