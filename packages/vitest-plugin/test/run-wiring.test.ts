import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runVitest } from './support/run-vitest.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const ALLOWLIST = 'perfgate.allow.json';
// Child runs take seconds each, and more on a busy machine.
const CHILD_RUNS = { timeout: 180_000 };
const ENTRY = { shape: 'SELECT * FROM order_items WHERE order_id = ?', file: 'src/legacy.ts', function: 'listLegacyOrders' };

// A copy of the fixture per test (inside the repo, so node_modules resolve): runs write files.
let project: string;
beforeEach(async () => {
  project = await mkdtemp(join(fixtures, '.run-'));
  await cp(join(fixtures, 'n-plus-one-debt'), project, { recursive: true });
});
afterEach(() => rm(project, { recursive: true, force: true }));

const vitest = (env: Record<string, string>, args: string[] = []) => runVitest(project, env, undefined, args);
const allowlist = () => readFile(join(project, ALLOWLIST), 'utf8');
const withEntry = () => writeFile(join(project, ALLOWLIST), `${JSON.stringify({ version: 1, nPlusOne: [ENTRY] }, null, 2)}\n`);

describe('#11.5 a run that did not see every spec never calls an allowlist entry stale', () => {
  test('#11.5 CI=true with a file filter: the entry of a spec it did not run is not stale', CHILD_RUNS, async () => {
    await withEntry();
    const { code, output } = await vitest({ CI: 'true', FIXTURE_EXTRA: '1' }, ['extra/plain.spec.ts']);
    expect(output).toMatch(/1 passed/);
    expect(code).toBe(0);
    expect(output).not.toContain('stale');
  });

  test('#11.5 projects sharing one allowlist: -u adds the entry and calls nothing stale; CI=true then passes, nothing stale', CHILD_RUNS, async () => {
    const updated = await vitest({ FIXTURE_PROJECTS: '1' }, ['-u']);
    expect(updated.code).toBe(0);
    expect(updated.output).toContain(`perfgate: added 1 N+1 entry to ${ALLOWLIST}:`);
    expect(updated.output).not.toContain('stale');
    expect(JSON.parse(await allowlist())).toEqual({ version: 1, nPlusOne: [ENTRY] });

    const ci = await vitest({ CI: 'true', FIXTURE_PROJECTS: '1' });
    expect(ci.output).toMatch(/\|legacy\| test\/legacy\.spec\.ts/);
    expect(ci.output).toMatch(/\|extra\| extra\/plain\.spec\.ts/);
    expect(ci.code).toBe(0);
    expect(ci.output).not.toContain('stale');
  });
});

describe('#11.6 the update flag', () => {
  test('#11.6 `vitest run -u <file>`: perfgate says vitest took the file for the update type, writes nothing, and prints the command that works', CHILD_RUNS, async () => {
    const { code, output } = await vitest({ FIXTURE_EXTRA: '1' }, ['-u', 'extra/plain.spec.ts']);
    // vitest ran every spec: the N+1 in legacy.spec.ts fails, with the command that would accept it.
    expect(code).toBe(1);
    expect(output).toContain('run the tests with the update flag (vitest run extra/plain.spec.ts -u)');
    expect(output).toContain(
      'perfgate: vitest took "extra/plain.spec.ts" as the value of -u (vitest\'s -u [type] reads the next word; the types are all, new, none), ' +
        'so this run ran every spec and perfgate wrote nothing. To update from extra/plain.spec.ts alone: vitest run extra/plain.spec.ts -u',
    );
    await expect(allowlist()).rejects.toThrow(/ENOENT/);
  });

  test('#11.6 --update=new adds new allowlist entries', CHILD_RUNS, async () => {
    const { code, output } = await vitest({}, ['--update=new']);
    expect(code).toBe(0);
    expect(output).toContain(`perfgate: added 1 N+1 entry to ${ALLOWLIST}:`);
    expect(JSON.parse(await allowlist())).toEqual({ version: 1, nPlusOne: [ENTRY] });
  });
});

test('#11.13 an unawaited perfgate assertion fails its test, naming the matcher and line; #16.12 queries that escaped their scope are said', CHILD_RUNS, async () => {
  const { code, output } = await runVitest(join(fixtures, 'orders-api'), { FIXTURE_ESCAPES: '1' });
  expect(code).toBe(1);
  expect(output).toContain('FAIL  escapes/escapes.spec.ts > an assertion left unawaited');
  expect(output).toContain(
    'PerfgateError: perfgate: an assertion was not awaited: still running when the test ended, so its verdict could not fail it:\n' +
      '  toIssueAtMost() at escapes/escapes.spec.ts:31:37\n' +
      'perfgate matchers return a promise: write `await expect(…).toIssueAtMost(…)` (or return it from the test).',
  );
  // toIssueAtMost(0) passed on a request whose one query ran in no scope: the pass is not silent.
  expect(output).toMatch(/✓ a request whose queries ran outside its scope/);
  expect(output).toContain(
    'Outside every scope:\n' +
      '  1 query ran outside any scope while this test ran — async context lost? They are counted in no scope.\n' +
      '  first: pglite SELECT id FROM orders WHERE id > ? from escapes/escapes.spec.ts:23:76',
  );
});
