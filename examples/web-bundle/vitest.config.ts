import { perfgate } from '@perfgate/vitest';
import { defineConfig } from 'vitest/config';

const allLocales = process.env.PERFGATE_DEMO_BUNDLE === 'all-locales';

export default defineConfig({
  plugins: [
    perfgate({
      // One generated test checks each route's budget; no spec needed.
      bundles: [
        { name: 'orders page', path: 'src/orders-page.ts', limit: '2 kB', esbuild: { define: { __ALL_LOCALES__: String(allLocales) } } },
        { name: 'login page', path: 'src/login-page.ts', limit: '1 kB' },
      ],
    }),
  ],
  test: { include: ['test/**/*.spec.ts'], testTimeout: 60_000 },
});
