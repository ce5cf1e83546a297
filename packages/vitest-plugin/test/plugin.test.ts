import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { configDefaults } from 'vitest/config';
// The built package, as users get it: its setup file must exist beside it.
import { perfgate } from '@perfgate/vitest';

describe('perfgate() plugin object', () => {
  test('adds its setup file and options through the config hook', async () => {
    const plugin = perfgate({ adapters: ['pglite'] });
    expect(plugin.name).toBe('perfgate:setup');
    const added = await plugin.config({ root: '/project' });
    expect(added.test.setupFiles).toHaveLength(1);
    expect(added.test.setupFiles[0]).toMatch(/[\\/]dist[\\/]setup\.js$/);
    expect(existsSync(added.test.setupFiles[0]!)).toBe(true);
    expect(added.test.globalSetup).toHaveLength(1);
    expect(existsSync(added.test.globalSetup[0]!)).toBe(true);
    expect(added.test.provide.perfgate).toEqual({
      root: '/project',
      options: {
        adapters: ['pglite'],
        http: true,
        maxQueriesPerScope: 10_000,
        nPlusOne: 'fail',
        nPlusOneThreshold: 3,
        allowlist: 'perfgate.allow.json',
        allocations: { tolerance: 0.1, floorBytes: 64, reports: '.perfgate' },
        latency: { tolerance: 0.25, floorMs: 2, rounds: 5 },
        bundles: [],
        report: { summary: true, json: '.perfgate/report.json', html: '.perfgate/report.html', github: 'auto' },
      },
    });
  });

  test('adds one generated test file for the bundles table, keeping the project\'s own includes', async () => {
    expect((await perfgate().config({ root: '/project' })).test.include).toBeUndefined();
    const root = mkdtempSync(join(tmpdir(), 'perfgate-plugin-'));
    const bundles = [{ name: 'orders page', path: 'src/orders.ts', limit: '50 kB' as const }];
    const withDefaults = await perfgate({ bundles }).config({ root });
    expect(withDefaults.test.include).toEqual([...configDefaults.include, join(root, '.perfgate', 'bundle-budgets.test.mjs')]);
    // #11.4: the test file is outside node_modules (vitest's default exclude) and imports the module from dist/.
    expect(readFileSync(withDefaults.test.include!.at(-1)!, 'utf8')).toMatch(/^import ".*[\\/]dist[\\/]bundle-budgets\.js";$/m);
    // vite concatenates the arrays a plugin returns with the user's: only the generated file is added then.
    const withOwn = await perfgate({ bundles }).config({ root, test: { include: ['test/**/*.spec.ts'] } });
    expect(withOwn.test.include).toEqual([withDefaults.test.include!.at(-1)]);
  });

  test('rejects bad options when the config loads, naming the option', () => {
    expect(() => perfgate({ nPlusOnes: 'fail' } as never)).toThrowErrorMatchingInlineSnapshot(
      `[PerfgateError: perfgate options (perfgate() in the vitest config): unknown option "nPlusOnes"; the options are "adapters", "http", "maxQueriesPerScope", "nPlusOne", "nPlusOneThreshold", "allowlist", "allocations", "latency", "bundles", "report".]`,
    );
    expect(() => perfgate({ adapters: ['prisma'] } as never)).toThrow(/"adapters" lists the string "prisma"; the adapters are 'pg', 'pglite', 'knex', 'mysql2'/);
    expect(() => perfgate({ nPlusOne: 'error' } as never)).toThrow(/"nPlusOne" must be one of 'fail', 'warn', 'off'; received the string "error"/);
  });
});
