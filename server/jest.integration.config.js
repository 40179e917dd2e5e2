/** Integration tests: the real Nest app over a real PostgreSQL (embedded, started once per run). */
module.exports = {
  displayName: 'server-integration',
  rootDir: '..',
  roots: ['<rootDir>/server/test'],
  testMatch: ['**/*.int-spec.ts'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/server/test/global-setup.js',
  globalTeardown: '<rootDir>/server/test/global-teardown.js',
  testTimeout: 60000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/server/tsconfig.spec.json' }] },
};
