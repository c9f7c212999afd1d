import { openDatabase } from './database';
import { repositoryContract } from './repositories.contract';
import { createTemporaryDatabase, describePostgres } from '../tests/support/postgres-server';

describePostgres('repositories on a PostgreSQL server', () => {
  repositoryContract(async () => {
    const database = await createTemporaryDatabase();
    const handle = await openDatabase({ databaseUrl: database.url });
    return {
      handle,
      dispose: async () => {
        await handle.close();
        await database.drop();
      },
    };
  });
});
