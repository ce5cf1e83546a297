#!/usr/bin/env node
// `npm run demo`: runs each example's suite twice on embedded PGlite — once
// with a seeded regression, which its gates must catch, and once with the
// fixed code, which must pass — and prints what happened.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const jest = join(dirname(require.resolve('jest/package.json')), 'bin', 'jest.js');

/**
 * One entry per seeded regression: the example, the switch that seeds it,
 * and for each gate what its failure must say (a failure of any other kind
 * is not a catch). `runner` is vitest unless it says jest.
 */
const scenarios = [
  {
    example: 'express-pg',
    env: { PERFGATE_DEMO_ORDERS_QUERY: 'one-by-one' },
    regression: 'GET /orders loads each order’s items in a loop (N+1)',
    fix: 'GET /orders loads all items with one `order_id = ANY($1)` query; the legacy loop listed in perfgate.allow.json stays accepted',
    gates: [
      { name: 'query-count gate (toIssueAtMost)', caughtBy: [/Received: \d+ queries, \d+ over budget/] },
      { name: 'N+1 gate (no matcher in the spec)', caughtBy: [/N\+1 in a scope this test created/, /from +src\/orders\.ts:\d+:\d+ \(listOrdersOneByOne\)/] },
    ],
  },
  {
    example: 'express-prisma',
    env: { PERFGATE_DEMO_BOOKS_QUERY: 'one-by-one' },
    regression: 'GET /books (Prisma 7) fetches each book’s author and reviews in a loop (N+1)',
    fix: 'GET /books loads books with `include: { author: true, reviews: true }`: one query per relation',
    gates: [
      { name: 'query-count gate, naming the Prisma operation and line', caughtBy: [/Received: \d+ queries, \d+ over budget/, /sent by Author\.findUniqueOrThrow · from src\/catalogue\.ts:\d+:\d+ \(listBooksOneByOne\)/] },
      { name: 'query-growth gate (toIssueConstantQueries)', caughtBy: [/statement shapes grew with n/] },
    ],
  },
  {
    example: 'fastify-knex',
    env: { PERFGATE_DEMO_ORDERS_QUERY: 'one-by-one' },
    regression: 'GET /orders (Fastify 5 on knex) loads each order’s items in a loop (N+1)',
    fix: 'GET /orders loads all items with one `whereIn(\'order_id\', …)` query',
    gates: [
      { name: 'query-count gate, naming the knex builder and line', caughtBy: [/Received: \d+ queries, \d+ over budget/, /sent by order_items\.select · from src\/orders\.ts:\d+:\d+ \(listOrdersOneByOne\)/] },
      { name: 'N+1 gate (no matcher in the spec)', caughtBy: [/N\+1 in a scope this test created/, /from +src\/orders\.ts:\d+:\d+ \(listOrdersOneByOne\)/] },
    ],
  },
  {
    example: 'nest-typeorm',
    runner: 'jest',
    env: { PERFGATE_DEMO_TAGS: 'one-by-one' },
    regression: 'POST /articles (NestJS 11 + TypeORM 0.3, jest) finds or creates each tag with queries of its own',
    fix: 'POST /articles selects every tag with one `In([...])` query and inserts the new ones with one multi-row insert',
    gates: [
      {
        name: 'query-count gate (toIssueAtMost), naming the app’s line',
        caughtBy: [/Received: 28 queries, 22 over budget/, /6 × INSERT INTO "tag" \("name"\) VALUES \(\?\) RETURNING "id"\n +from src\/articles\/tags\.service\.ts:\d+:\d+/],
      },
      {
        name: 'N+1 gate (no matcher in the spec), naming the app’s line',
        caughtBy: [/N\+1 in a scope this test created/, /5 × SELECT "Tag"\."id" AS "Tag_id", "Tag"\."name" AS "Tag_name" FROM "tag" "Tag" WHERE \(\("Tag"\."name" = \?\)\) LIMIT \?\n +5 different parameter sets\n +from +src\/articles\/tags\.service\.ts:\d+:\d+/],
      },
    ],
  },
  {
    example: 'alloc',
    env: { PERFGATE_DEMO_LOGGER: 'eager' },
    regression: 'the logger builds every line before checking its level, through an entry object, a Date and Object.entries',
    fix: 'the logger checks the level first and concatenates only the lines it writes',
    gates: [
      { name: 'allocation budget (toAllocateAtMost)', caughtBy: [/Received: +[\d,.]+ B .*per call, [\d,.]+ B over budget/, /\d+\.\d% +[\d,.]+ B per call +formatEntry +src\/logger\.ts:\d+/] },
      { name: 'allocation baseline (toMatchAllocationBaseline)', caughtBy: [/per call, \+[\d,.]+ B \(\+[\d.]+%\) against the baseline/, /Heap profile:\n +\.perfgate\/logger\.spec\.ts\/[\w-]+\.heapprofile/] },
    ],
  },
  {
    example: 'web-bundle',
    env: { PERFGATE_DEMO_BUNDLE: 'all-locales' },
    regression: 'the orders page’s date formatter imports the whole locale table: every locale ships to the browser',
    fix: 'the date formatter imports the one locale the page uses',
    gates: [
      {
        name: 'bundle-size budget (toHaveBundleSizeAtMost), naming the locales',
        caughtBy: [/test\/bundle\.spec\.ts > the orders page ships one locale[^\n]*\nError: expect\(entry\)\.toHaveBundleSizeAtMost/, /src\/orders-page\.ts: [\d,]+ B .* brotli, [\d,]+ B .* over/, /src\/locales\/ in all: \d+ modules/],
      },
      { name: 'bundles table in vitest.config.ts (no spec)', caughtBy: [/perfgate bundle budgets > bundle orders page\nError: expect\(entry\)\.toHaveBundleSizeAtMost\('2 kB'\)/] },
    ],
  },
  {
    example: 'load-api',
    env: { PERFGATE_DEMO_PRICES: 'one-by-one' },
    regression: 'GET /products loads the current price of each of the catalogue’s 1,000 products with a query of its own to sort one page (N+1: 1,001 queries per request)',
    fix: 'GET /products sorts by current price and keeps one page of 20 in one query (JOIN LATERAL … LIMIT 20)',
    gates: [
      {
        name: 'load gate (toServeWithin), with the queries per request',
        caughtBy: [/Received: p99 [\d,.]+ ms, p50 [\d,.]+ ms, .*: (?:p99|p50) [\d,.]+ ms over/, /Queries: +1,?001 per request; N\+1 in 1 statement/, /N\+1 in the heaviest request:\n +1,?000 × SELECT amount_cents FROM prices/],
      },
      { name: 'query-count gate (toIssueAtMost)', caughtBy: [/Received: 1,?001 queries, 999 over budget/] },
    ],
  },
];

const tty = process.stdout.isTTY;
const bold = (s) => (tty ? `\x1b[1m${s}\x1b[22m` : s);
const green = (s) => (tty ? `\x1b[32m${s}\x1b[39m` : s);
const red = (s) => (tty ? `\x1b[31m${s}\x1b[39m` : s);

/** How each runner is started in an example's folder: jest as the Nest example's `npm test` does. */
const runners = {
  vitest: [vitest, 'run'],
  jest: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, '--config', 'test/jest-e2e.json'],
};

/** Runs an example's suite, echoing its output; returns the exit code and the output without colours. */
function runSuite({ example, runner = 'vitest' }, env) {
  // The demo always runs on embedded PGlite, whatever the shell has set.
  const { DATABASE_URL: _pg, MYSQL_URL: _mysql, CI: _ci, ...inherited } = process.env;
  const colour = tty ? { FORCE_COLOR: '1' } : {};
  const result = spawnSync(process.execPath, runners[runner], { cwd: join(root, 'examples', example), env: { ...inherited, ...colour, ...env }, encoding: 'utf8' });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return { code: result.status, output: stripVTControlCharacters(result.stdout + result.stderr) };
}

// `node scripts/demo.mjs nest-typeorm load-api` runs only the examples named.
const only = process.argv.slice(2);
const unknown = only.filter((name) => !scenarios.some((scenario) => scenario.example === name));
if (unknown.length > 0) {
  console.error(`demo: no example ${unknown.join(', ')}; the examples are ${scenarios.map((scenario) => scenario.example).join(', ')}.`);
  process.exit(2);
}

const lines = [];
let ok = true;
for (const scenario of scenarios.filter(({ example }) => only.length === 0 || only.includes(example))) {
  console.log(bold(`\n━━ examples/${scenario.example} with a seeded regression ━━`));
  console.log(`   ${scenario.regression}\n`);
  const regressed = runSuite(scenario, scenario.env);
  for (const gate of scenario.gates) {
    const caught = regressed.code === 1 && gate.caughtBy.every((pattern) => pattern.test(regressed.output));
    ok &&= caught;
    lines.push(`  ${caught ? green('✔') : red('✘')} ${gate.name} ${caught ? 'caught' : 'MISSED'} the regression in examples/${scenario.example}`);
  }
  console.log(bold(`\n━━ examples/${scenario.example} with the fix ━━`));
  console.log(`   ${scenario.fix}\n`);
  const passed = runSuite(scenario, {}).code === 0;
  ok &&= passed;
  lines.push(`  ${passed ? green('✔') : red('✘')} examples/${scenario.example} ${passed ? 'passes' : 'FAILS'} on the fixed code`);
}

console.log(bold('\nperfgate demo'));
for (const line of lines) console.log(line);
console.log(ok ? green('\nEvery gate caught its regression and passed the fix.') : red('\nThe demo did not go as expected: see above.'));
process.exit(ok ? 0 : 1);
