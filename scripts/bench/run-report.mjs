// The run's end with and without report files: what `report: false` saves.
// A suite of 60 tests × 4 requests (240 requests, 27 queries per test, one
// allowlisted N+1 loop per test: the shape of the real-driver group) runs
// once through the worker session, untimed; each iteration then finishes a
// fresh run session over a copy of the workers' reports, as the runner's
// main process does at the end of every run.
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewScope } from '@perfgate/core';
import { RunSession, WorkerSession, resolvePerfgateOptions, resolveUpdateMode } from '@perfgate/core/runner';
import { stubQuery } from './stub-driver.mjs';

export const TESTS = 60;
const LOOP = 20;
const REQUESTS = TESTS * 4;
const WARMUP_RUNS = 6;
const SAMPLES = 41;

export const name = 'run-report';
export const description = `the run's end for ${TESTS} tests × 4 requests (${REQUESTS} requests, one allowlisted N+1 loop per test), with report: false and with the default outputs (summary, report.json, report.html); one iteration = one run's end`;

async function listOrdersOneByOne() {
  await stubQuery('SELECT id, customer_id FROM orders ORDER BY id');
  for (let id = 1; id <= LOOP; id++) await stubQuery('SELECT order_id, sku, quantity FROM order_items WHERE order_id = $1 ORDER BY id', [id]);
}

/** One test's four requests, as the real-driver group's app answers them. */
async function oneTest() {
  await runInNewScope(async () => {
    await stubQuery('SELECT id, customer_id FROM orders ORDER BY id');
    await stubQuery('SELECT count(*) FROM orders');
  }, { name: 'GET /orders' });
  await runInNewScope(() => stubQuery('SELECT id, customer_id FROM orders WHERE id = $1', [1]), { name: 'GET /orders/1' });
  await runInNewScope(listOrdersOneByOne, { name: 'GET /orders/with-items' });
  await runInNewScope(async () => {
    await stubQuery('SELECT id, name FROM customers WHERE id = $1', [1]);
    await stubQuery('SELECT count(*) FROM orders WHERE customer_id = $1', [1]);
    await stubQuery('SELECT max(placed_at) FROM orders WHERE customer_id = $1', [1]);
  }, { name: 'GET /customers/1/summary' });
}

/** Runs the suite through one worker session into `session`'s report folder; returns the session's outcome. */
async function runSuite(root, update, report) {
  const session = new RunSession({ update, root, runner: 'vitest', report, log: () => {} });
  const worker = new WorkerSession();
  worker.start({ root, options: resolvePerfgateOptions({ adapters: [] }, 'bench'), run: { update, reportDir: session.reportDir, v8Coverage: false }, update, runCommand: 'bench' });
  for (let i = 0; i < TESTS; i++) {
    const state = worker.beforeTest({ id: `t${i}`, file: `test/orders-${i % 12}.test.ts`, name: `orders > case ${i}` });
    await worker.runTest(state, oneTest);
    const { error } = await worker.afterTest(state);
    if (error !== undefined && !update.addNew) throw error;
  }
  await worker.finish();
  worker.dispose();
  return session;
}

const OFF = resolvePerfgateOptions({ report: false }, 'bench').report;
const DEFAULT = resolvePerfgateOptions({}, 'bench').report;

export async function run(bench) {
  const root = mkdtempSync(join(tmpdir(), 'perfgate-bench-report-'));
  const quiet = resolveUpdateMode({ requested: 'none', ciEnv: false, command: 'bench -u' });
  try {
    // The first run adds the loop to the allowlist; the second is the suite as measured.
    await (await runSuite(root, resolveUpdateMode({ requested: 'new', ciEnv: false, command: 'bench -u' }), OFF)).finish({});
    const template = await runSuite(root, quiet, OFF);
    const saved = mkdtempSync(join(tmpdir(), 'perfgate-bench-workers-'));
    cpSync(template.reportDir, saved, { recursive: true });
    const outcome = await template.finish({});
    if (outcome.errors.length > 0) throw new Error(outcome.errors.join('\n'));
    const gates = outcome.report?.gates.filter((g) => g.checked > 0).map((g) => `${g.gate} ${g.checked} checked, ${g.failed} failed, ${g.allowlisted} allowlisted`);
    bench.note(`report of ${outcome.report?.tests.length} tests, ${outcome.report?.tests.reduce((n, t) => n + t.scopes.length, 0)} scopes; ${gates?.join('; ')}`);

    // Timed here, not by bench.case: a run's end is asynchronous (it reads the workers' files), and the two are alternated so load drifts alike.
    const finishOnce = async (report) => {
      const session = new RunSession({ update: quiet, root, runner: 'vitest', report, log: () => {} });
      cpSync(saved, session.reportDir, { recursive: true });
      const t0 = performance.now();
      const { errors } = await session.finish({});
      const ns = (performance.now() - t0) * 1e6;
      if (errors.length > 0) throw new Error(errors.join('\n'));
      return ns;
    };
    for (let i = 0; i < WARMUP_RUNS; i++) await finishOnce(i % 2 === 0 ? OFF : DEFAULT);
    const samples = { off: [], on: [] };
    for (let i = 0; i < SAMPLES; i++) {
      samples.off.push(await finishOnce(OFF));
      samples.on.push(await finishOnce(DEFAULT));
    }
    const stats = (list) => {
      const sorted = [...list].sort((a, b) => a - b);
      return { medianNs: sorted[Math.floor(sorted.length / 2)], minNs: sorted[0] };
    };
    const off = stats(samples.off);
    const on = stats(samples.on);
    const kib = (file) => `${(statSync(join(root, file)).size / 1024).toFixed(0)} KiB`;
    bench.note(`files written: ${DEFAULT.json} ${kib(DEFAULT.json)}, ${DEFAULT.html} ${kib(DEFAULT.html)}`);
    bench.note(`${SAMPLES} run ends of each kind, alternated, after ${WARMUP_RUNS} warm-up ends; wall time of RunSession.finish`);
    bench.derive('run end, report: false', off, 'allowlist check, baselines, report built but not written');
    bench.derive('run end, default outputs (summary, report.json, report.html)', on, 'the same, then every output');
    bench.derive('report outputs, per run', { medianNs: on.medianNs - off.medianNs, minNs: on.minNs - off.minNs }, 'default outputs minus report: false');
    bench.derive('report outputs, per request', { medianNs: (on.medianNs - off.medianNs) / REQUESTS, minNs: (on.minNs - off.minNs) / REQUESTS }, `the same over ${REQUESTS} requests`);
    rmSync(saved, { recursive: true, force: true });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
