/** Unit tests: next to the code, no database. */
module.exports = {
  displayName: 'server-unit',
  rootDir: '..',
  roots: ['<rootDir>/server/src', '<rootDir>/migrations/src'],
  testMatch: ['**/*.spec.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/server/tsconfig.spec.json' }] },
};
