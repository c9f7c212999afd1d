import { openDatabase } from '../hotline/db/database';
import { repositoryContract } from '../hotline/repositories.contract';
import { createTemporaryDatabase, describePostgres } from './support/postgres-server';

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
