import { perfgate } from '@perfgate/vitest';
import { defineConfig } from 'vitest/config';

/** The latency baseline check alone: `npm run test:latency`. Its baseline is this machine's (README.md). */
export default defineConfig({
  plugins: [perfgate()],
  test: { include: ['test/latency-baseline.spec.ts'], testTimeout: 120_000, hookTimeout: 60_000 },
});
