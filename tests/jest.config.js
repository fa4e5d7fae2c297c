// End-to-end suites boot real Postgres, Redis, the API and workers, so they get long timeouts.
// Worker count is global (root jest.config.js / scripts/test.sh): each file owns its database and queue prefix.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.spec.ts', '<rootDir>/browser/**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/support/jest-setup.ts'],
};
