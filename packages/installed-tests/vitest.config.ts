import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // A cold install of a fixture downloads from the npm cache or registry; later runs reuse it (see installed-project.ts).
    testTimeout: 240_000,
    // Each test waits on an npm install or a child runner: two files at once keep both cores busy.
    maxWorkers: 2,
    hookTimeout: 300_000,
  },
});
