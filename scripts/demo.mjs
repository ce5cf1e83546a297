#!/usr/bin/env node
// `npm run demo`: runs each example's suite twice on embedded PGlite — once
// with a seeded regression, which its gate must catch, and once with the
// fixed code, which must pass — and prints what happened.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** One entry per seeded regression: the example, the gate, and the switch that seeds it. */
const scenarios = [
  {
    example: 'express-pg',
    gate: 'query-count gate',
    regression: 'GET /orders loads each order’s items in a loop (N+1)',
    fix: 'GET /orders loads all items with one `order_id = ANY($1)` query',
    env: { PERFGATE_DEMO_ORDERS_QUERY: 'one-by-one' },
    /** What the gate's failure must say: a failure of any other kind is not a catch. */
    caughtBy: /Received: \d+ queries, \d+ over budget/,
  },
];

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[22m` : s);
const green = (s) => (process.stdout.isTTY ? `\x1b[32m${s}\x1b[39m` : s);
const red = (s) => (process.stdout.isTTY ? `\x1b[31m${s}\x1b[39m` : s);

/** Runs an example's suite, echoing its output; returns the exit code and the output without colours. */
function runSuite(example, env) {
  // The demo always runs on embedded PGlite, whatever the shell has set.
  const { DATABASE_URL: _pg, MYSQL_URL: _mysql, ...inherited } = process.env;
  const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
  const result = spawnSync(process.execPath, [vitest, 'run'], { cwd: join(root, 'examples', example), env: { ...inherited, ...colour, ...env }, encoding: 'utf8' });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return { code: result.status, output: stripVTControlCharacters(result.stdout + result.stderr) };
}

const outcomes = [];
for (const scenario of scenarios) {
  console.log(bold(`\n━━ ${scenario.example}: the ${scenario.gate} on a seeded regression ━━`));
  console.log(`   ${scenario.regression}\n`);
  const regressed = runSuite(scenario.example, scenario.env);
  const caught = regressed.code === 1 && scenario.caughtBy.test(regressed.output);
  console.log(bold(`\n━━ ${scenario.example}: the same suite on the fixed code ━━`));
  console.log(`   ${scenario.fix}\n`);
  const passed = runSuite(scenario.example, {}).code === 0;
  outcomes.push({ ...scenario, caught, passed });
}

console.log(bold('\nperfgate demo'));
for (const { example, gate, caught, passed } of outcomes) {
  console.log(`  ${caught ? green('✔') : red('✘')} ${gate} ${caught ? 'caught' : 'MISSED'} the seeded regression in examples/${example}`);
  console.log(`  ${passed ? green('✔') : red('✘')} examples/${example} ${passed ? 'passes' : 'FAILS'} on the fixed code`);
}
const ok = outcomes.every((o) => o.caught && o.passed);
console.log(ok ? green('\nEvery gate caught its regression and passed the fix.') : red('\nThe demo did not go as expected: see above.'));
process.exit(ok ? 0 : 1);
