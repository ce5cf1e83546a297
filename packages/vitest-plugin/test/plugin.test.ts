import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { configDefaults } from 'vitest/config';
// The built package, as users get it: its setup file must exist beside it.
import { perfgate } from '@perfgate/vitest';
import { runVitest } from './support/run-vitest.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

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
        bundles: [],
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
      `[PerfgateError: perfgate options (perfgate() in the vitest config): unknown option "nPlusOnes"; the options are "adapters", "http", "maxQueriesPerScope", "nPlusOne", "nPlusOneThreshold", "allowlist", "allocations", "bundles".]`,
    );
    expect(() => perfgate({ adapters: ['prisma'] } as never)).toThrow(/"adapters" lists the string "prisma"; the adapters are 'pg', 'pglite', 'knex', 'mysql2'/);
    expect(() => perfgate({ nPlusOne: 'error' } as never)).toThrow(/"nPlusOne" must be one of 'fail', 'warn', 'off'; received the string "error"/);
  });
});

describe('a project with plugins: [perfgate()] (vitest in a child process)', () => {
  test('an N+1 endpoint fails its budget with exit code 1 and a precise message', async () => {
    const { code, output } = await runVitest(fixture('orders-api'));
    expect(code).toBe(1);
    const message = output.slice(output.indexOf('expect(received).toIssueAtMost(2)'));
    expect(message.split('\n').slice(0, 11).join('\n')).toMatchInlineSnapshot(`
      "expect(received).toIssueAtMost(2)

      Expected: at most 2 queries
      Received: 6 queries, 4 over budget
      Request:  GET /orders
      Trace-id: 0af7651916cd43dd8448eb211c80319c

      Statement shapes, most frequent first:
        5 × SELECT * FROM order_items WHERE order_id = ?
            from test/orders.spec.ts:26:42
        1 × SELECT id FROM orders WHERE email <> ?"
    `);
    // The spec line is shown, and no parameter value (personal data) is printed.
    expect(output).toMatch(/test\/orders\.spec\.ts:32:3/);
    expect(output).not.toMatch(/private-\d@example\.com/);
  });

  test('the fixed endpoint passes', async () => {
    const { code, output } = await runVitest(fixture('orders-api'), { FIXTURE_VARIANT: 'fixed' });
    expect(output).toMatch(/1 passed/);
    expect(code).toBe(0);
  });

  test('adapters: [] and http: false turn the automatic wiring off', async () => {
    const { code, output } = await runVitest(fixture('no-instrumentation'));
    expect(output).toMatch(/2 passed/);
    expect(code).toBe(0);
  });

  test('a misspelt option stops the run and names it', async () => {
    const { code, output } = await runVitest(fixture('bad-options'));
    expect(code).toBe(1);
    expect(output).toContain('perfgate options (perfgate() in the vitest config): unknown option "adapter"');
  });
});
