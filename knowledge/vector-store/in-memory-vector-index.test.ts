import { createInMemoryVectorIndex } from './in-memory-vector-index';
import { vectorIndexContract } from './vector-index.contract';

vectorIndexContract('in memory', async () => ({ index: createInMemoryVectorIndex() }));
