import { perfgate } from '@perfgate/vitest';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [perfgate()],
  test: {
    include: ['test/**/*.spec.ts'],
    // Compared with figures of one machine: run by `npm run test:latency` only (vitest.latency.config.ts).
    exclude: [...configDefaults.exclude, 'test/latency-baseline.spec.ts'],
    // Load tests in two files running at once would share the two cores and disturb each other's p99.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
