import { openDatabase } from '../hotline/db/database';
import { repositoryContract } from '../hotline/repositories.contract';

describe('repositories on PGlite', () => {
  repositoryContract(async () => {
    const handle = await openDatabase({});
    return { handle, dispose: () => handle.close() };
  });
});
