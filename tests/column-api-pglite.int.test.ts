import { columnApiSuite } from './column-api.suite';
import { createTestApp } from './support/test-app';

jest.setTimeout(120_000);

describe('column API on PGlite', () => {
  columnApiSuite(() =>
    createTestApp(
      { API_RATE_LIMIT_PER_MINUTE: '0', VOTE_RATE_LIMIT_PER_IP_HOUR: '0', VECTOR_STORE: 'off' },
      { knowledge: true, demoData: true },
    ),
  );
});
