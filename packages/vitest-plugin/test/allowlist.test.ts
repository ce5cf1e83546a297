import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runVitest } from './support/run-vitest.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const ALLOWLIST = 'perfgate.allow.json';

// Each test gets its own copy of the fixture (inside the repo, so node_modules resolve): runs write files.
let project: string;
beforeEach(async () => {
  project = await mkdtemp(join(fixtures, '.run-'));
  await cp(join(fixtures, 'n-plus-one-debt'), project, { recursive: true });
});
afterEach(() => rm(project, { recursive: true, force: true }));

const vitest = (env: Record<string, string> = {}, args: string[] = []) => runVitest(project, env, undefined, args);
const allowlist = () => readFile(join(project, ALLOWLIST), 'utf8');
const exists = () => allowlist().then(() => true, () => false);

const ENTRY = { shape: 'SELECT * FROM order_items WHERE order_id = ?', file: 'src/legacy.ts', function: 'listLegacyOrders' };

describe("nPlusOne: 'fail' (the default), on a spec with no perfgate matcher", () => {
  test('fails the test that made the request, naming the loop', async () => {
    const { code, output } = await vitest();
    expect(code).toBe(1);
    const message = output.slice(output.indexOf("PerfgateError: perfgate nPlusOne: 'fail'"));
    expect(message.split('\n').slice(0, 14).join('\n')).toMatchInlineSnapshot(`
      "PerfgateError: perfgate nPlusOne: 'fail' — N+1 in a scope this test created

      Request:  GET /legacy/orders
      Trace-id: 0af7651916cd43dd8448eb211c80319c

      N+1:
        4 × SELECT * FROM order_items WHERE order_id = ?
            4 different parameter sets
            from  src/legacy.ts:8:27 (listLegacyOrders)
            via   test/legacy.spec.ts:18:82
            after 1 × SELECT id FROM orders ORDER BY id
            fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader

      Fix the loop, or assert on it with toHaveNoNPlusOne(). To accept it as known debt, run the tests with the update flag (vitest -u)"
    `);
  });

  test('-u writes the allowlist; then the suite passes; unchanged, it is not rewritten', async () => {
    const updated = await vitest({}, ['-u']);
    expect(updated.code).toBe(0);
    expect(updated.output).toContain(`perfgate: added 1 N+1 entry to ${ALLOWLIST}:`);
    expect(JSON.parse(await allowlist())).toEqual({ version: 1, nPlusOne: [ENTRY] });

    const before = await allowlist();
    const again = await vitest();
    expect(again.output).toMatch(/1 passed/);
    expect(again.code).toBe(0);
    expect(await allowlist()).toBe(before);
  });

  test('#16.8 -u writes the allowlist beside package.json when vitest’s root is a subfolder', async () => {
    const config = [
      "import { perfgate } from '@perfgate/vitest';",
      "import { defineConfig } from 'vitest/config';",
      "export default defineConfig({ root: 'test', plugins: [perfgate()], test: { include: ['**/*.spec.ts'], hookTimeout: 60_000, testTimeout: 60_000 } });",
      '',
    ].join('\n');
    await writeFile(join(project, 'vitest.config.ts'), config);
    const updated = await vitest({}, ['-u']);
    expect(updated.output).toContain(`perfgate: added 1 N+1 entry to ${ALLOWLIST}:`);
    expect(updated.code).toBe(0);
    expect(JSON.parse(await allowlist())).toEqual({ version: 1, nPlusOne: [ENTRY] });
    await expect(readFile(join(project, 'test', ALLOWLIST), 'utf8')).rejects.toThrow(/ENOENT/);
  }, 120_000);

  test('CI=true never writes the allowlist, even with -u, and a missing entry fails', async () => {
    const { code, output } = await vitest({ CI: 'true' }, ['-u']);
    expect(code).toBe(1);
    expect(output).toContain('N+1 in a scope this test created');
    expect(await exists()).toBe(false);
  });

  test('a corrupt allowlist is reported, naming the file, and left untouched', async () => {
    await writeFile(join(project, ALLOWLIST), '{ "version": 1, "nPlusOne": [ oops ');
    const { code, output } = await vitest({}, ['-u']);
    expect(code).toBe(1);
    expect(output).toContain(`${join(project, ALLOWLIST)} is not a valid allowlist: invalid JSON`);
    expect(await allowlist()).toBe('{ "version": 1, "nPlusOne": [ oops ');
  });

  test('an entry no test needs any more is reported as stale, never removed', async () => {
    const stale = { shape: 'SELECT * FROM gone WHERE id = ?', file: 'src/gone.ts', function: 'gone' };
    const text = `${JSON.stringify({ version: 1, nPlusOne: [ENTRY, stale] }, null, 2)}\n`;
    await writeFile(join(project, ALLOWLIST), text);
    const { code, output } = await vitest({ CI: 'true' });
    expect(code).toBe(0);
    expect(output).toContain(`perfgate: 1 entry in ${ALLOWLIST} matched no N+1 in this run (stale; remove them if the N+1 is fixed):`);
    expect(output).toContain('  - src/gone.ts (gone): SELECT * FROM gone WHERE id = ?');
    expect(await allowlist()).toBe(text);
  });
});

test("nPlusOne: 'warn' prints the finding and passes; 'off' says nothing", async () => {
  const warned = await vitest({ FIXTURE_N_PLUS_ONE: 'warn' });
  expect(warned.code).toBe(0);
  expect(warned.output).toContain("perfgate nPlusOne: 'warn' — N+1 in a scope this test created");
  const off = await vitest({ FIXTURE_N_PLUS_ONE: 'off' });
  expect(off.code).toBe(0);
  expect(off.output).not.toContain('N+1');
});
