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
});
