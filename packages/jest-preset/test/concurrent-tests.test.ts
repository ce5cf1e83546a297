import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { runJest } from './support/run-jest.js';

// test.concurrent on PGlite, which jest runs without beforeEach/afterEach: one test loops four `SELECT $1::int`.
const fixture = fileURLToPath(new URL('./fixtures/concurrent-tests', import.meta.url));
const FIGURES = join(fixture, '.figures.json');
const CHILD_RUN = { timeout: 180_000 };

interface Case {
  readonly name: string;
  readonly status: string;
  readonly perfgate?: string;
  readonly scopes?: readonly number[];
}

async function run(args: readonly string[] = []): Promise<{ code: number | null; output: string; cases: Case[] }> {
  const { code, output } = await runJest(fixture, { args });
  return { code, output, cases: JSON.parse(await readFile(FIGURES, 'utf8')) as Case[] };
}

afterEach(() => rm(FIGURES, { force: true }));

test('#12.1 three concurrent tests, one with an N+1: exactly that one fails, each gated on its own scopes; #12.5 figures on the test results', CHILD_RUN, async () => {
  const { code, output, cases } = await run();
  expect(code, output).toBe(1);
  // perfgate's reporter put each test's figures on its result, for the reporters after it (here .figures.json's).
  expect(cases).toEqual([
    { name: 'concurrent clean one', status: 'passed', perfgate: 'pass', scopes: [1, 4] },
    { name: 'concurrent clean two', status: 'passed', perfgate: 'pass', scopes: [4] },
    { name: 'concurrent with an N+1', status: 'failed', perfgate: 'fail', scopes: [4] },
    { name: 'serial, clean', status: 'passed', perfgate: 'pass', scopes: [4] },
    { name: 'serial, done callback, with an N+1', status: 'failed', perfgate: 'fail', scopes: [4] },
  ]);
  expect(output).toContain('● concurrent › with an N+1');
  expect(output).toContain('4 × SELECT ?::int');
  expect(output).toContain('from  test/concurrent.spec.mjs:14:40 (oneByOne)');
  expect(output).toMatch(/Tests: +2 failed, 3 passed, 5 total/);
});

test('#12.1 each alone as beside the others: the N+1 fails, a clean test passes', CHILD_RUN, async () => {
  const ran = [];
  for (const pattern of ['concurrent with an N\\+1', 'concurrent clean two']) {
    const { cases } = await run(['-t', pattern]);
    ran.push(...cases.filter(({ status }) => status !== 'pending').map(({ name, status }) => [name, status]));
  }
  expect(ran).toEqual([
    ['concurrent with an N+1', 'failed'],
    ['concurrent clean two', 'passed'],
  ]);
});
