// Flat ESLint config for the whole workspace.
// Two layers guard the pure core: Nx tags (which project may import which) and, inside libs/journey,
// a ban on I/O packages and on reading the wall clock or global randomness (advance() takes `now` and `rng`).
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
  process: 'readonly',
  console: 'readonly',
};

// Packages and Node built-ins the journey core must never touch; each needs an adapter in a server or web project.
const coreForbiddenModules = [
  { name: 'typeorm', message: 'libs/journey is pure: persistence belongs in @rapport/persistence.' },
  { name: 'bullmq', message: 'libs/journey is pure: queues belong in @rapport/engine.' },
  { name: 'ioredis', message: 'libs/journey is pure: Redis belongs in @rapport/engine.' },
  { name: 'pg', message: 'libs/journey is pure: Postgres belongs in @rapport/persistence.' },
  { name: 'react', message: 'libs/journey is pure: UI belongs in apps/editor.' },
  { name: 'react-dom', message: 'libs/journey is pure: UI belongs in apps/editor.' },
  { name: 'nodemailer', message: 'libs/journey is pure: sending belongs in @rapport/channels.' },
  { name: 'handlebars', message: 'libs/journey is pure: rendering belongs in @rapport/channels.' },
  ...['fs', 'fs/promises', 'http', 'https', 'net', 'child_process'].flatMap((mod) =>
    [mod, `node:${mod}`].map((name) => ({
      name,
      message: 'libs/journey is pure: no Node I/O; effects are returned as data.',
    })),
  ),
];

const coreForbiddenPatterns = [
  { group: ['@nestjs/*'], message: 'libs/journey is pure: Nest belongs in apps/api and apps/worker.' },
  { group: ['typeorm/*'], message: 'libs/journey is pure: persistence belongs in @rapport/persistence.' },
  { group: ['react/*', 'react-dom/*'], message: 'libs/journey is pure: UI belongs in apps/editor.' },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/tmp',
      '**/coverage',
      '**/.nx',
      '**/.rapport',
      '**/vite.config.*.timestamp*',
      '**/test-results',
      '**/playwright-report',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/jest.config.*', '**/vite.config.*'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // docs/journeys/*.json are the brief's journeys as shared fixtures (tests, demo seed); a regex here.
          allow: ['^(\\.\\./)+docs/'],
          depConstraints: [
            // The core depends only on itself; web and server build on it; e2e tests may reach anything.
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:core', 'scope:web'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:core', 'scope:server'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
            // Apps are leaves: libraries never import an app.
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // CommonJS config files (jest.config.js, jest.preset.js).
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
  {
    files: ['libs/journey/src/**/*.ts'],
    ignores: ['libs/journey/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: coreForbiddenModules, patterns: coreForbiddenPatterns }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take `now` as a parameter; the core never reads the clock.' },
        {
          object: 'Math',
          property: 'random',
          message: 'Take a seeded `rng` as a parameter; replays must be deterministic.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() reads the clock; take `now` as a parameter.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'Date() reads the clock; take `now` as a parameter.',
        },
      ],
    },
  },
  {
    // Tests must assert something: no empty bodies.
    files: ['**/*.spec.ts', '**/*.spec.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.name=/^(it|test)$/] > :matches(ArrowFunctionExpression, FunctionExpression).arguments:last-child > BlockStatement[body.length=0]',
          message: 'Empty test body: assert the behaviour or delete the test.',
        },
      ],
    },
  },
  prettier,
];
