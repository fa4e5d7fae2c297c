// One Jest run over every project; each project keeps its own config beside its code.
// Two workers: the CI machine has two cores, and e2e files each hold a Postgres database and a Redis prefix.
module.exports = {
  maxWorkers: 2,
  // Global, not per project: library specs talk to real Postgres and Redis, and on two loaded cores 5 s is too
  // little for the bigger ones (e2e files set their own, longer, timeouts).
  testTimeout: 30_000,
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/apps/*/jest.config.js', '<rootDir>/tests/jest.config.js'],
};
