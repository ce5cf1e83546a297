/**
 * The setup file the plugin adds to every vitest project: the same core
 * wiring the jest preset does, through vitest's `expect`, hooks and `inject`.
 */
import { allowlistPathFor, applyRuntimeOptions, GateSession, instrumentHttpServers, PerfgateError, REPORT_KINDS, saveWorkerReport, startAllocationGate, TestSession, type WorkerGateReport } from '@perfgate/core/runner';
import { perfgateMatchers } from '@perfgate/core/matchers';
import { instrumentInstalledDrivers } from '@perfgate/orm-adapters/auto';
import { afterAll, afterEach, beforeEach, expect, inject } from 'vitest';
import type { PerfgateRun } from './index.js';
import type {} from './provided-context.js';
import { vitestUpdateMode } from './vitest-run.js';

const { options, root } = inject('perfgate');
applyRuntimeOptions(options);
if (options.http) instrumentHttpServers();
// Both builds of a dual package: tests import the ESM one, CommonJS libraries (knex) require the other.
await instrumentInstalledDrivers({ root, adapters: options.adapters, formats: ['esm', 'cjs'] });
const run = inject('perfgateRun') as PerfgateRun | undefined;
// Without the plugin's global setup nothing collects a report: nothing is written, and CI=true is read here.
const update = run?.update ?? vitestUpdateMode(undefined);

const allocations = startAllocationGate({
  root,
  options: options.allocations,
  update: update.rewrite,
  ci: update.ci,
  writable: run !== undefined,
  coverage: run?.v8Coverage ?? false,
  updateCommand: update.command,
  runCommand: 'vitest run',
});
afterAll(async () => {
  const report = allocations.baselines.report();
  if (run !== undefined && report.entries.length > 0) await saveWorkerReport(run.reportDir, REPORT_KINDS.allocations, report);
});

const allowlistPath = allowlistPathFor(options.allowlist, root);
const gate =
  options.nPlusOne === 'off'
    ? undefined
    : new GateSession({
        mode: options.nPlusOne,
        threshold: options.nPlusOneThreshold,
        allowlistPath,
        allowlistName: options.allowlist,
        update: update.addNew,
        updateCommand: update.command,
        blockedBy: update.blockedBy,
      });
const session = new TestSession(gate);
expect.extend(session.assertions.wrap(perfgateMatchers));
beforeEach(() => session.beforeTest());
afterEach(async ({ task }) => {
  const { warnings, failure } = await session.afterTest({ concurrent: task.concurrent === true });
  for (const warning of warnings) console.warn(warning);
  if (failure !== undefined) {
    const error = new PerfgateError(failure.code, failure.message);
    error.stack = `${error.name}: ${error.message}`; // the message names the user's line; perfgate's frames would only distract
    throw error;
  }
});
afterAll(async () => {
  if (run === undefined || gate === undefined) return;
  const report: WorkerGateReport = { allowlistPath, allowlistName: options.allowlist, report: gate.report() };
  await saveWorkerReport(run.reportDir, REPORT_KINDS.nPlusOne, report);
});
