// End-to-end suites boot real Postgres, Redis, the API and workers, so they get long timeouts,
// and run in at most two workers (the CI machine has two cores; each file owns its database and queue prefix).
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.spec.ts', '<rootDir>/browser/**/*.spec.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
