/**
 * Runs in vitest's main process, once per project: tells the workers whether
 * the update flag is on, collects what their gates saw, and updates the N+1
 * allowlist and the allocation baselines once for the whole run (never from
 * a worker, never under CI).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finishAllowlistRun, finishBaselineRun, isCI, loadWorkerReports, type BaselineReport, type GateReport } from '@perfgate/core';
import type { TestProject } from 'vitest/node';
import type {} from './provided-context.js';

export default async function perfgateGlobalSetup(project: TestProject): Promise<() => Promise<void>> {
  const { options, root } = project.getProvidedContext().perfgate;
  const ci = isCI();
  const flag = project.config.update as boolean | string | undefined;
  const update = (flag === true || flag === 'all') && !ci;
  const { coverage } = project.globalConfig;
  const reportDir = await mkdtemp(join(tmpdir(), 'perfgate-'));
  // V8 coverage is recorded in the workers: allocation attribution must not deoptimise their code then.
  project.provide('perfgateRun', { update, ci, reportDir, v8Coverage: coverage.enabled && coverage.provider === 'v8' });

  return async function teardown() {
    try {
      if (options.nPlusOne !== 'off') {
        const files = (await readdir(reportDir)).filter((file) => file.endsWith('.json'));
        const reports = await Promise.all(files.map(async (file) => JSON.parse(await readFile(join(reportDir, file), 'utf8')) as GateReport));
        const partial = project.config.shard !== undefined || Boolean(project.config.testNamePattern);
        const { lines } = finishAllowlistRun({
          path: resolve(root, options.allowlist),
          name: options.allowlist,
          update,
          partial: partial || !(update || ci),
          reports,
          writeFile: (path, text) => writeFileSync(path, text),
        });
        for (const line of lines) console.log(line);
      }
      const baselines = finishBaselineRun({
        reports: await loadWorkerReports<BaselineReport>(reportDir, 'allocations'),
        root,
        ci,
        updateCommand: 'vitest -u',
        writeFile: (path, text) => writeFileSync(path, text),
        makeDirectory: (path) => mkdirSync(path, { recursive: true }),
      });
      for (const line of baselines.lines) console.log(line);
      for (const error of baselines.errors) console.error(error);
      if (baselines.errors.length > 0) process.exitCode = 1;
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
    } finally {
      await rm(reportDir, { recursive: true, force: true });
    }
  };
}
