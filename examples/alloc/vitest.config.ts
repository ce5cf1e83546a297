import { perfgate } from '@perfgate/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [perfgate()],
  test: { include: ['test/**/*.spec.ts'], testTimeout: 60_000 },
});
