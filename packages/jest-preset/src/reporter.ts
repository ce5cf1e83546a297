/**
 * perfgate's jest reporter, in jest's main process: decides the update flag
 * and loads the options file before the workers start, then updates the
 * allowlist and the allocation baselines once for the whole run (never from
 * a worker, never under CI).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishAllowlistRun, finishBaselineRun, isCI, loadPerfgateConfigFile, loadWorkerReports, resolvePerfgateOptions, type BaselineReport } from '@perfgate/core';
import type { AggregatedResult, Reporter, TestContext } from '@jest/reporters';
import { warnUninstrumentedDrivers } from '@perfgate/orm-adapters/auto';
import type { Config } from '@jest/types';
import { jestConfigName } from './jest-options.js';
import { RUN_ENV, type FileReport, type JestRun } from './jest-run.js';

export default class PerfgateReporter implements Pick<Reporter, 'onRunStart' | 'onRunComplete' | 'getLastError'> {
  readonly #globalConfig: Config.GlobalConfig;
  #run: JestRun | undefined;
  #error: Error | undefined;

  constructor(globalConfig: Config.GlobalConfig) {
    this.#globalConfig = globalConfig;
  }

  async onRunStart(): Promise<void> {
    const { updateSnapshot, ci, rootDir, collectCoverage, coverageProvider } = this.#globalConfig;
    // Queries sent through a driver perfgate cannot see are never counted: said once, before the workers start.
    warnUninstrumentedDrivers(rootDir);
    this.#run = {
      update: updateSnapshot === 'all' && !ci && !isCI(),
      ci: ci || isCI(),
      v8Coverage: collectCoverage && coverageProvider === 'v8',
      reportDir: mkdtempSync(join(tmpdir(), 'perfgate-jest-')),
      optionsFile: await preloadOptionsFile(rootDir),
    };
    // Workers are forked after onRunStart and inherit the environment (in-band runs read it here).
    process.env[RUN_ENV] = JSON.stringify(this.#run);
  }

  async onRunComplete(_contexts: Set<TestContext>, results: AggregatedResult): Promise<void> {
    const run = this.#run;
    if (run === undefined) return;
    try {
      const byAllowlist = new Map<string, FileReport[]>();
      for (const file of readdirSync(run.reportDir).filter((name) => name.endsWith('.json'))) {
        const report = JSON.parse(readFileSync(join(run.reportDir, file), 'utf8')) as FileReport;
        byAllowlist.set(report.allowlistPath, [...(byAllowlist.get(report.allowlistPath) ?? []), report]);
      }
      const partial = isPartialRun(this.#globalConfig) || results.wasInterrupted;
      for (const [path, reports] of byAllowlist) {
        const { lines } = finishAllowlistRun({
          path,
          name: reports[0]!.allowlistName,
          update: run.update,
          partial: partial || !(run.update || this.#globalConfig.ci || isCI()),
          reports: reports.map((r) => r.report),
          writeFile: (file, text) => writeFileSync(file, text),
        });
        for (const line of lines) console.log(line);
      }
      const baselines = finishBaselineRun({
        reports: await loadWorkerReports<BaselineReport>(run.reportDir, 'allocations'),
        root: this.#globalConfig.rootDir,
        ci: run.ci,
        updateCommand: 'jest -u',
        writeFile: (file, text) => writeFileSync(file, text),
        makeDirectory: (path) => mkdirSync(path, { recursive: true }),
      });
      for (const line of baselines.lines) console.log(line);
      for (const error of baselines.errors) console.error(error);
      if (baselines.errors.length > 0) this.#error = new Error(baselines.errors.join('\n'));
    } catch (error) {
      console.error((error as Error).message);
      this.#error = error as Error;
    } finally {
      rmSync(run.reportDir, { recursive: true, force: true });
      delete process.env[RUN_ENV];
    }
  }

  /** jest fails the run (exit code 1) when a reporter has an error: a corrupt allowlist, say. */
  getLastError(): Error | undefined {
    return this.#error;
  }
}

/** A shard, a name or path filter, or a changed-files run sees only part of the suite: no entry is stale then. */
function isPartialRun(config: Config.GlobalConfig): boolean {
  return (
    config.shard !== undefined ||
    Boolean(config.testNamePattern) ||
    config.testPathPatterns?.isSet() === true || // jest 30; jest 29 has no testPathPatterns
    config.onlyChanged ||
    config.onlyFailures ||
    config.findRelatedTests ||
    config.lastCommit ||
    Boolean(config.changedSince)
  );
}

/** Loads `perfgate.config.*` natively here: a jest worker in CommonJS mode could not import an ES module one. */
async function preloadOptionsFile(root: string): Promise<JestRun['optionsFile']> {
  try {
    const file = await loadPerfgateConfigFile(root, { importModule: (url) => import(url) });
    return { root, options: resolvePerfgateOptions(file?.input, file?.where ?? `globals.perfgate in ${jestConfigName(root)}`) };
  } catch (error) {
    return { root, error: (error as Error).message };
  }
}
