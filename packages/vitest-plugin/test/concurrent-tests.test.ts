import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { runVitest } from './support/run-vitest.js';

// describe.concurrent and test.concurrent on PGlite: one test loops four `SELECT $1::int`, the others are clean.
const fixture = fileURLToPath(new URL('./fixtures/concurrent-tests', import.meta.url));
const FIGURES = join(fixture, '.figures.json');
const CHILD_RUN = { timeout: 180_000 };

interface Case {
  readonly name: string;
  readonly state: string;
  readonly perfgate?: string;
  readonly scopes?: readonly number[];
  readonly annotations: readonly string[];
}

async function run(args: readonly string[] = []): Promise<{ code: number | null; output: string; cases: Case[] }> {
  const { code, output } = await runVitest(fixture, {}, undefined, args);
  return { code, output, cases: JSON.parse(await readFile(FIGURES, 'utf8')) as Case[] };
}

afterEach(() => rm(FIGURES, { force: true }));

test('#12.1 three concurrent tests, one with an N+1: exactly that one fails, each gated on its own scopes; #12.5 figures on task.meta and annotations', CHILD_RUN, async () => {
  const { code, output, cases } = await run();
  expect(code, output).toBe(1);
  expect(cases.map(({ name, state, perfgate, scopes }) => ({ name, state, perfgate, scopes }))).toEqual([
    { name: 'clean, test.concurrent outside the block', state: 'passed', perfgate: 'pass', scopes: [4] },
    { name: 'concurrent > clean one', state: 'passed', perfgate: 'pass', scopes: [1, 4] },
    { name: 'concurrent > clean two', state: 'passed', perfgate: 'pass', scopes: [4] },
    { name: 'concurrent > with an N+1', state: 'failed', perfgate: 'fail', scopes: [4] },
  ]);
  expect(output).toContain('FAIL  test/concurrent.spec.ts > concurrent > with an N+1');
  expect(output).toContain('4 × SELECT ?::int');
  expect(output).toContain('from  test/concurrent.spec.ts:13:40 (oneByOne)');
  // A matcher's figure, annotated while its test ran (vitest's UI, HTML and JUnit reports show annotations).
  expect(cases[1]!.annotations).toEqual([expect.stringMatching(/^perfgate toIssueAtMost\(1\): 1 query in .* \(trace-id [0-9a-f]{32}\): pass$/)]);
});

test('#12.1 each alone as beside the others: the N+1 fails, a clean test passes', CHILD_RUN, async () => {
  const ran = [];
  for (const pattern of ['with an N\\+1', 'clean two']) {
    const { cases } = await run(['-t', pattern]);
    ran.push(...cases.filter(({ state }) => state !== 'skipped').map(({ name, state }) => [name, state]));
  }
  expect(ran).toEqual([
    ['concurrent > with an N+1', 'failed'],
    ['concurrent > clean two', 'passed'],
  ]);
});
