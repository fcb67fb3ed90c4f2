/** Core, spec and CLI tests run in node; task-pane tests opt into jsdom with a docblock. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 120000,
  // fast-check from a fixed seed (FC_SEED overrides it; FC_SEED=random explores).
  setupFilesAfterEnv: ['<rootDir>/test/helpers/fastCheckSeed.ts'],
  // The default report, then the tests skipped for want of a system program or the corpus, by name.
  reporters: ['default', '<rootDir>/scripts/jest-skipped-reporter.js'],
};
