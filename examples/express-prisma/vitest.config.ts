import { perfgate } from '@perfgate/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [perfgate()],
  // Each spec file seeds a PGlite of its own; one at a time, they do not starve each other's hooks on a busy 2-core machine.
  test: { include: ['test/**/*.spec.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
});
