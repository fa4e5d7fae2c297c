// One Jest run over every project; each project keeps its own config beside its code.
// Two workers: the CI machine has two cores, and e2e files each hold a Postgres database and a Redis prefix.
module.exports = {
  maxWorkers: 2,
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/apps/*/jest.config.js', '<rootDir>/tests/jest.config.js'],
};
