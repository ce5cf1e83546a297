/**
 * The one test file the plugin adds when the `bundles` option lists budgets:
 * a test per row, named after it, with the message of
 * `toHaveBundleSizeAtMost` when a chunk grows past its limit.
 */
import { describe, expect, inject, test } from 'vitest';
import type {} from './provided-context.js';

const { options, root } = inject('perfgate');

describe('perfgate bundle budgets', () => {
  test.each(options.bundles.map((row) => [row.name, row] as const))('bundle %s', async (_name, row) => {
    await expect(row.path).toHaveBundleSizeAtMost(row.limit, { compression: row.compression, bundle: row.bundle, esbuild: row.esbuild, cwd: root });
  });
});
