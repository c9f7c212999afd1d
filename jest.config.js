/** Unit tests sit beside the code; tests that start servers or databases are *.int.test.ts or live in tests/. */
const transform = { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs', ignoreDynamic: true } }] };
const ignored = ['/node_modules/', '/dist/', '/data/'];

module.exports = {
  // Integration tests start databases and processes on a shared, noisy 2-core machine.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns: [...ignored, '\\.int\\.test\\.ts$', '<rootDir>/tests/'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/**/*.int.test.ts', '<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ignored,
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
    },
  ],
};
