import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePerfgateOptions } from '../src/options/perfgate-options.js';
import { startQuery } from '../src/record/recorder.js';
import type { PerfgateReport } from '../src/report/report-model.js';
import { runInNewScope } from '../src/scope/record-queries.js';
import { RunSession } from '../src/session/run-session.js';
import { resolveUpdateMode } from '../src/session/update-mode.js';
import { WorkerSession } from '../src/session/worker-session.js';
import { siteOf } from './call-sites.js';
import { schemaErrors } from './report-schema-validator.js';

/**
 * One run through the same worker and run sessions the runners drive, with
 * the files kept in memory: three tests, one request of one with an N+1,
 * six requests of another running the same loop, under GITHUB_ACTIONS=true.
 */
const ROOT = process.cwd();
const WORKSPACE = resolve(ROOT, '../..');
const STEP_SUMMARY = '/github/step-summary.md';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const ITEMS = 'SELECT * FROM order_items WHERE order_id = $1';

function itemsOneByOne(orders: number): void {
  startQuery({ sql: 'SELECT id FROM orders', source: 'test', dialect: 'postgres' });
  for (let id = 1; id <= orders; id++) startQuery({ sql: ITEMS, values: [id], source: 'test', dialect: 'postgres' }); // @loop
}

const LOOP = siteOf(import.meta.url, 'loop', 'startQuery');
const run: { report?: PerfgateReport; files: Map<string, string>; logged: string[]; failed: string[] } = { files: new Map(), logged: [], failed: [] };

beforeAll(async () => {
  const update = resolveUpdateMode({ requested: 'none', ciEnv: false, command: 'vitest -u' });
  const { files, logged } = run;
  const session = new RunSession({
    update,
    root: ROOT,
    runner: 'vitest',
    report: resolvePerfgateOptions({}, 'test').report,
    env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: STEP_SUMMARY, GITHUB_WORKSPACE: WORKSPACE },
    log: (line) => logged.push(line),
    error: (line) => logged.push(line),
    writeFile: (path, text) => files.set(path, text),
    appendFile: (path, text) => files.set(path, (files.get(path) ?? '') + text),
    makeDirectory: () => undefined,
  });
  const worker = new WorkerSession();
  worker.start({ root: ROOT, options: resolvePerfgateOptions({ adapters: [], http: false }, 'test'), run: { update, reportDir: session.reportDir, v8Coverage: false }, update, runCommand: 'vitest run' });
  const tests: Array<[string, () => unknown]> = [
    ['orders > lists each order with its items', () => runInNewScope(() => itemsOneByOne(4), { name: 'GET /orders', traceId: TRACE_ID })],
    ['orders > answers the health check', () => runInNewScope(() => startQuery({ sql: 'SELECT 1', source: 'test', dialect: 'postgres' }), { name: 'GET /health' })],
    ['orders > shows six orders', () => Promise.all(Array.from({ length: 6 }, (_, i) => runInNewScope(() => itemsOneByOne(3 + (i % 2)), { name: `GET /orders/${i + 1}` })))],
  ];
  try {
    for (const [name, body] of tests) {
      const state = worker.beforeTest({ id: name, file: 'test/orders.test.ts', name });
      await worker.runTest(state, body);
      const { error } = await worker.afterTest(state);
      if (error !== undefined) run.failed.push(name);
    }
    await worker.finish();
  } finally {
    worker.dispose();
  }
  const outcome = await session.finish({});
  expect(outcome.errors).toEqual([]);
  run.report = outcome.report;
});

describe('a run with report outputs on, under GitHub Actions', () => {
  it('fails the tests with an N+1 and passes the clean one', () => {
    expect(run.failed).toEqual(['orders > lists each order with its items', 'orders > shows six orders']);
  });

  it('writes report.json valid against the shipped schema, with the N+1 at its loop line and its request trace-id', () => {
    const text = run.files.get(join(ROOT, '.perfgate/report.json'));
    expect(text).toBeDefined();
    expect(schemaErrors(text)).toEqual([]);
    const report = JSON.parse(text!) as PerfgateReport;
    const scope = report.tests.find((t) => t.name === 'orders > lists each order with its items')?.scopes[0];
    expect(scope).toMatchObject({ traceId: TRACE_ID, name: 'GET /orders', queryCount: 5 });
    expect(scope?.findings).toMatchObject([{ type: 'n-plus-one', shape: 'SELECT * FROM order_items WHERE order_id = ?', count: 4, allowlisted: false, callSite: { file: relative(ROOT, resolve(LOOP.file)), line: LOOP.line } }]);
    expect(report.gates.find((g) => g.gate === 'n-plus-one')).toEqual({ gate: 'n-plus-one', checked: 8, failed: 7, allowlisted: 0 });
  });

  it('annotates the loop line once, relative to the workspace, naming the requests', () => {
    const annotations = run.logged.filter((line) => line.startsWith('::'));
    const file = relative(WORKSPACE, resolve(LOOP.file));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toContain(`::error file=${file},line=${LOOP.line},col=${LOOP.column},title=perfgate%3A N+1 query loop::`);
    expect(annotations[0]).toContain('%0Ain 7 functions: GET /orders, GET /orders/1, GET /orders/2 and 4 more');
  });

  it('appends the gates table to the step summary and prints one block per test, the six scopes folded', () => {
    expect(run.files.get(STEP_SUMMARY)).toContain('| n-plus-one | 8 | 7 | 0 |');
    const summary = run.logged.find((line) => line.startsWith('perfgate summary:'));
    expect(summary).toContain('6 functions: GET /orders/1, GET /orders/2, GET /orders/3 and 3 more\n    N+1 3–4 × SELECT * FROM order_items WHERE order_id = ?');
    expect(summary?.match(/N\+1 /g)).toHaveLength(2);
  });

  it('never prints a parameter value', () => {
    expect([...run.files.values(), ...run.logged].join('\n')).not.toMatch(/order_id = [1-9]/);
  });
});
