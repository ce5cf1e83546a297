import { expect, test } from 'vitest';

// `npm run demo` sets this to build the date formatter with every locale (the regression).
const allLocales = process.env.PERFGATE_DEMO_BUNDLE === 'all-locales';
const esbuild = { define: { __ALL_LOCALES__: String(allLocales) } };

test('the orders page ships one locale: at most 2 kB brotli', async () => {
  await expect('src/orders-page.ts').toHaveBundleSizeAtMost('2 kB', { esbuild });
});

test('the login page stays under 1 kB gzip', async () => {
  await expect('src/login-page.ts').toHaveBundleSizeAtMost('1 kB', { compression: 'gzip' });
});
