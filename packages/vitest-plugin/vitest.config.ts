import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Most tests here run vitest in a child process: this process mostly waits, so two files at once keep both cores busy.
    maxWorkers: 2,
    // test/scenarios.test.ts runs its table concurrently: each scenario mostly waits on its child run.
    maxConcurrency: 3,
    // A child run takes 5–20 s, more on a loaded machine; some tests make two.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
