// The tests of the two flavors together (scripts/test-cdktn.sh runs them after building .gen/cdktn): they need
// both the root build (lib/) and the cdktn one, so the root suite (jest.config.js at the root) leaves them out.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/flavor'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 120000,
};
