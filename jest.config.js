/**
 * Three projects: `unit` (core, adapters, local, functions, integration — fast, in-process over real
 * HTTP), `browser` (Playwright driving Debian's chromium against the H5 build), `weapp`
 * (miniprogram-simulate rendering dist/weapp). TypeScript is compiled by @swc/jest.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(kysely)/)'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

module.exports = {
  // Integration tests drive a real platform over HTTP; on a loaded 2-core machine a single case can
  // take several seconds, so the default 5 s would fail tests for the machine's load, not the code.
  // A global option: jest ignores it inside a project ("Unknown option testTimeout").
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      // One throwaway MariaDB per run (test/support/mariadb.ts): the MySQL store's suites each take a database on it.
      globalSetup: '<rootDir>/test/support/mariadbGlobal.ts',
      globalTeardown: '<rootDir>/test/support/mariadbTeardown.ts',
      roots: ['<rootDir>/core', '<rootDir>/adapters', '<rootDir>/local', '<rootDir>/cloudfunctions', '<rootDir>/test/integration'],
      testMatch: ['**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      roots: ['<rootDir>/test/browser'],
      testMatch: ['**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'weapp',
      roots: ['<rootDir>/test/weapp'],
      testMatch: ['**/*.test.ts'],
      testEnvironment: 'jsdom',
    },
  ],
};
