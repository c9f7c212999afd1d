import { openDatabase } from './database';
import { repositoryContract } from './repositories.contract';

describe('repositories on PGlite', () => {
  repositoryContract(async () => {
    const handle = await openDatabase({});
    return { handle, dispose: () => handle.close() };
  });
});
