/**
 * Two projects share one runner:
 *  - `unit`: `*.spec.ts` beside pure code; needs no server.
 *  - `integration`: `test/integration` and `test/e2e`, through the real Temporal dev server and
 *    PostgreSQL that `test/setup/global-setup.ts` starts once. Jest runs a project's global setup
 *    only when one of its tests is selected, so `npx jest libs/domain` starts no server.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js)$': swc },
  // ESM-only packages, transformed to CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(@cloudflare/blindrsa-ts|openid-client|oauth4webapi|jose)/)'],
  moduleNameMapper: {
    '^@vinhdanh/(domain|persistence|platform)$': '<rootDir>/libs/$1/src',
    '^@vinhdanh/(domain|persistence|platform)/(.*)$': '<rootDir>/libs/$1/src/$2',
    '^@vinhdanh/(workflows|activities)$': '<rootDir>/$1',
    '^@vinhdanh/(workflows|activities)/(.*)$': '<rootDir>/$1/$2',
  },
};

module.exports = {
  // Two cores: integration tests each run a Temporal worker; more parallelism only adds contention.
  maxWorkers: 2,
  // Coverage of the pure code, measured by the unit project (`npm test` runs it with --coverage).
  // The floor only rises: raise it when coverage does, never lower it to let a change through.
  collectCoverageFrom: ['libs/domain/src/**/*.ts', 'workflows/**/{guards,deadlines,posting}.ts', '!**/*.spec.ts', '!**/index.ts'],
  coverageDirectory: '<rootDir>/test-artifacts/coverage',
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: {
    './libs/domain/src/': { lines: 95, branches: 86, functions: 94 },
    // Everything else collected: the workflows' pure validators, deadlines and posting state.
    global: { lines: 95, branches: 90, functions: 85 },
  },
  // Integration tests wait on real timers and servers; pure specs finish in milliseconds anyway.
  testTimeout: 120_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/workflows', '<rootDir>/activities', '<rootDir>/scripts'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/database-per-file.ts'],
    },
  ],
};
