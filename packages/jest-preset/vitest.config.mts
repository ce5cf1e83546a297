import { defineConfig } from 'vitest/config';

// The preset's own tests run under vitest, like every package here: each end-to-end test runs jest
// in a child process on a fixture project, as a user runs it. (Testing it under jest would load the
// preset into the runner that is being tested, and leak the outer run's JEST_* state into the inner.)
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each end-to-end test waits on a child jest: two files at once keep both cores busy.
    maxWorkers: 2,
    // test/scenarios.test.ts runs its table concurrently: each scenario mostly waits on its child run.
    maxConcurrency: 3,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
