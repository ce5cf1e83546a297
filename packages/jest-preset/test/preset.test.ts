import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSocketPostgres, type SocketPostgres } from './support/postgres.js';
import { runJest } from './support/run-jest.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe("jest-preset.js (what `preset: '@perfgate/jest'` loads)", () => {
  const preset = createRequire(import.meta.url)('@perfgate/jest/jest-preset') as { setupFilesAfterEnv: string[]; reporters: Array<string> };

  test('adds the setup file and keeps jest’s default reporter beside perfgate’s, by absolute paths', () => {
    expect(preset.setupFilesAfterEnv).toHaveLength(1);
    expect(preset.reporters[0]).toBe('default');
    for (const file of [...preset.setupFilesAfterEnv, preset.reporters[1]!]) {
      expect(isAbsolute(file)).toBe(true);
      expect(existsSync(file)).toBe(true);
    }
    expect(Object.keys(preset).sort()).toEqual(['reporters', 'setupFilesAfterEnv']);
  });
});

describe('CommonJS specs through @swc/jest, PGlite (jest in a child process)', () => {
  test('an N+1 endpoint fails its budget with exit code 1 and the message vitest prints', async () => {
    const { code, output } = await runJest(fixture('orders-api'));
    expect(code).toBe(1);
    const start = output.indexOf('expect(received).toIssueAtMost(2)');
    const message = output.slice(start).split('\n').slice(0, 11).map((line, i) => (i === 0 ? line : line.replace(/^ {4}/, '')));
    // The same text as packages/vitest-plugin/test/plugin.test.ts pins for vitest (jest indents it by 4).
    expect(message.join('\n')).toMatchInlineSnapshot(`
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
    expect(output).toMatch(/test\/orders\.spec\.ts:32:\d+/);
    expect(output).not.toMatch(/private-\d@example\.com/);
  });

  test('the fixed endpoint passes', async () => {
    const { code, output } = await runJest(fixture('orders-api'), { env: { FIXTURE_VARIANT: 'fixed' } });
    expect(output).toMatch(/Tests: +1 passed, 1 total/);
    expect(code).toBe(0);
  });
});

test('ES module specs (.mjs, --experimental-vm-modules): the ESM builds of PGlite and @perfgate/jest are wired too; #11.3 bad input rejects under jest', async () => {
  const { code, output } = await runJest(fixture('esm'));
  expect(output).toMatch(/Tests: +3 passed, 3 total/);
  expect(code).toBe(0);
});

describe('CommonJS mode without --experimental-vm-modules, pg', () => {
  let postgres: SocketPostgres;
  beforeAll(async () => {
    postgres = await openSocketPostgres();
  });
  afterAll(() => postgres?.close());

  test('ts-jest specs: pg and HTTP scoping are wired, and options come from perfgate.config.mjs', async () => {
    const { code, output } = await runJest(fixture('cjs-pg'), { env: postgres.env, vmModules: false });
    expect(code).toBe(1);
    // nPlusOneThreshold: 2 from the ES module options file, which only the reporter could load.
    expect(output).toContain("PerfgateError: perfgate nPlusOne: 'fail' — N+1 in a scope this test created");
    expect(output).toContain('2 × SELECT * FROM items WHERE order_id = ?');
    expect(output).toContain('run the tests with the update flag (jest -u)');
  });

  test('globals.perfgate { adapters: [], http: false } turns the automatic wiring off', async () => {
    const { code, output } = await runJest(fixture('no-instrumentation'), { env: postgres.env, vmModules: false });
    expect(output).toMatch(/Tests: +2 passed, 2 total/);
    expect(code).toBe(0);
  });
});

describe('bad options stop every test file, naming the option and where it was set', () => {
  test('globals.perfgate in jest.config.js', async () => {
    const { code, output } = await runJest(fixture('bad-options'), { vmModules: false });
    expect(code).toBe(1);
    expect(output).toContain('perfgate options (globals.perfgate in jest.config.js): unknown option "adapter"; the options are "adapters", "http", "maxQueriesPerScope", "nPlusOne", "nPlusOneThreshold", "allowlist", "allocations", "bundles".');
  });

  test('perfgate.config.json', async () => {
    const { code, output } = await runJest(fixture('bad-options-file'), { vmModules: false });
    expect(code).toBe(1);
    expect(output).toContain(`perfgate options (perfgate.config.json): "nPlusOne" must be one of 'fail', 'warn', 'off'; received the string "error".`);
  });
});
