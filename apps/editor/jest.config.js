// Editor unit tests run in Node: components stay presentational and logic lives in plain modules.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'editor',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
};
