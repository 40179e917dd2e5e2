/** Browser journeys: Debian's Chromium (playwright-core) against the real built server on an embedded PostgreSQL. */
module.exports = {
  displayName: 'e2e',
  rootDir: '..',
  roots: ['<rootDir>/e2e/src'],
  testMatch: ['**/*.e2e-spec.ts'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/e2e/support/global-setup.js',
  globalTeardown: '<rootDir>/e2e/support/global-teardown.js',
  testTimeout: 60000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }] },
};
