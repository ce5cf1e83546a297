/**
 * The setup file the plugin adds to every vitest project: core's worker
 * session, told vitest's tests through its hooks, its options through `inject`.
 */
import { relative, sep } from 'node:path';
import { WorkerSession, type TestIdentity, type TestState } from '@perfgate/core/runner';
import { instrumentInstalledDrivers } from '@perfgate/orm-adapters/auto';
import * as vitest from 'vitest';
import type { RunnerTestCase, TestContext } from 'vitest';
import type { PerfgateRun } from './index.js';
import type {} from './provided-context.js';
import { vitestUpdateMode } from './vitest-run.js';

const { afterAll, afterEach, beforeEach, expect, inject } = vitest;
const { options, root } = inject('perfgate');
const run = inject('perfgateRun') as PerfgateRun | undefined;
const worker = new WorkerSession();
expect.extend(worker.matchers());
// Without the plugin's global setup nothing collects a report: nothing is written, and CI=true is read here.
worker.start({ root, options, run, update: run?.update ?? vitestUpdateMode(undefined), runCommand: 'vitest run' });
// Both builds of a dual package: tests import the ESM one, CommonJS libraries (knex) require the other.
await instrumentInstalledDrivers({ root, adapters: options.adapters, formats: ['esm', 'cjs'] });

function identityOf(task: RunnerTestCase): TestIdentity {
  const names: string[] = [];
  for (let suite = task.suite; suite !== undefined && !('filepath' in suite); suite = suite.suite) names.unshift(suite.name);
  return { id: task.id, file: relative(root, task.file.filepath).split(sep).join('/'), name: [...names, task.name].join(' > ') };
}

/** perfgate's verdict fails the test (vitest fails a test whose hook throws); its figures travel on `task.meta`. */
async function judge(state: TestState, { task }: TestContext): Promise<void> {
  const { error, report } = await worker.afterTest(state, { concurrent: task.concurrent === true });
  task.meta.perfgate = report;
  if (error !== undefined) throw error;
}

// Annotations made while the test runs reach vitest's UI, HTML and JUnit reports; after it, vitest refuses them,
// so the end-of-test gate's figures are on `task.meta` (and its failure in the error) only.
const annotator = (context: TestContext) => (line: string) => void context.annotate(line).catch(() => {});

if (typeof vitest.aroundEach === 'function') {
  // vitest 4.1: the whole test, its beforeEach and afterEach included, runs in its own async context.
  vitest.aroundEach(async (runTest, context) => {
    const state = worker.beforeTest(identityOf(context.task), annotator(context));
    await worker.runTest(state, runTest);
    await judge(state, context);
  });
} else {
  // vitest < 4.1 has no aroundEach: a test is found as the one started last, so concurrent tests are not
  // told apart (one's end may judge another's scopes) and their unawaited assertions are not checked.
  const states = new WeakMap<RunnerTestCase, TestState>();
  beforeEach((context) => void states.set(context.task, worker.beforeTest(identityOf(context.task), annotator(context))));
  afterEach(async (context) => {
    const state = states.get(context.task);
    if (state !== undefined) await judge(state, context);
  });
}
afterAll(() => worker.finish());
