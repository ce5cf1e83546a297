/**
 * The setup file the plugin adds to every vitest project: the same core
 * wiring the jest preset does, through vitest's `expect`, hooks and `inject`.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allowlistPathFor, applyRuntimeOptions, GateSession, instrumentHttpServers, isCI, PerfgateError, saveWorkerReport, startAllocationGate } from '@perfgate/core';
import { perfgateMatchers } from '@perfgate/core/matchers';
import { instrumentInstalledDrivers } from '@perfgate/orm-adapters/auto';
import { afterAll, afterEach, beforeEach, expect, inject } from 'vitest';
import type { PerfgateRun } from './index.js';
import type {} from './provided-context.js';

expect.extend(perfgateMatchers);
const { options, root } = inject('perfgate');
applyRuntimeOptions(options);
if (options.http) instrumentHttpServers();
// Both builds of a dual package: tests import the ESM one, CommonJS libraries (knex) require the other.
await instrumentInstalledDrivers({ root, adapters: options.adapters, formats: ['esm', 'cjs'] });
const run = inject('perfgateRun') as PerfgateRun | undefined;

const allocations = startAllocationGate({
  root,
  options: options.allocations,
  update: run?.update ?? false,
  ci: run?.ci ?? isCI(),
  writable: run !== undefined,
  coverage: run?.v8Coverage ?? false,
  updateCommand: 'vitest -u',
  runCommand: 'vitest run',
});
afterAll(async () => {
  const report = allocations.baselines.report();
  if (run !== undefined && report.entries.length > 0) await saveWorkerReport(run.reportDir, 'allocations', report);
});

if (options.nPlusOne !== 'off') {
  const gate = new GateSession({
    mode: options.nPlusOne,
    threshold: options.nPlusOneThreshold,
    allowlistPath: allowlistPathFor(options.allowlist, root),
    allowlistName: options.allowlist,
    update: run?.update ?? false,
    updateCommand: 'vitest -u',
  });
  beforeEach(() => gate.beforeTest());
  afterEach(() => {
    const verdict = gate.afterTest();
    if (verdict.outcome === 'warn') console.warn(verdict.message);
    if (verdict.outcome === 'fail') {
      const error = new PerfgateError('N_PLUS_ONE', verdict.message);
      error.stack = `${error.name}: ${error.message}`; // the finding names the user's line; perfgate's frames would only distract
      throw error;
    }
  });
  afterAll(async () => {
    if (run !== undefined) await writeFile(join(run.reportDir, `${process.pid}-${randomUUID()}.json`), JSON.stringify(gate.report()));
  });
}
