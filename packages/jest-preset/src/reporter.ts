/**
 * perfgate's jest reporter, in jest's main process: decides the update flag
 * and loads the options file before the workers start, then finishes the
 * run once (allowlists and baselines, never from a worker, never under CI).
 */
import { relative, sep } from 'node:path';
import type { AggregatedResult, Reporter, TestContext } from '@jest/reporters';
import { loadPerfgateConfigFile, resolvePerfgateOptions, RunSession, type PerfgateReport, type TestReport } from '@perfgate/core/runner';
import { ADAPTER_NAMES, warnUninstrumentedDrivers } from '@perfgate/orm-adapters/auto';
import type { Config } from '@jest/types';
import { jestConfigName } from './jest-options.js';
import { jestCoverage, jestUpdateMode, RUN_ENV, type JestRun } from './jest-run.js';

export default class PerfgateReporter implements Pick<Reporter, 'onRunStart' | 'onRunComplete' | 'getLastError'> {
  readonly #globalConfig: Config.GlobalConfig;
  #session: RunSession | undefined;
  #error: Error | undefined;

  constructor(globalConfig: Config.GlobalConfig) {
    this.#globalConfig = globalConfig;
  }

  async onRunStart(): Promise<void> {
    const { updateSnapshot, ci, rootDir, collectCoverage, coverageProvider, shard } = this.#globalConfig;
    // Queries sent through a driver perfgate cannot see are never counted: said once, before the workers start.
    warnUninstrumentedDrivers(rootDir);
    const optionsFile = await preloadOptionsFile(rootDir);
    const session = new RunSession({
      update: jestUpdateMode(updateSnapshot, ci),
      root: rootDir,
      runner: 'jest',
      report: optionsFile.options?.report,
      shard: shard === undefined ? undefined : { index: shard.shardIndex, count: shard.shardCount },
    });
    this.#session = session;
    const run: JestRun = { update: session.update, v8Coverage: collectCoverage && coverageProvider === 'v8', reportDir: session.reportDir, optionsFile };
    // Workers are forked after onRunStart and inherit the environment (in-band runs read it here).
    process.env[RUN_ENV] = JSON.stringify(run);
  }

  /** jest calls it twice when `bail` stops a run while output is still flushing: the run finishes once. */
  async onRunComplete(_contexts: Set<TestContext>, results: AggregatedResult): Promise<void> {
    if (this.#session === undefined) return;
    const { errors, report } = await this.#session.finish(jestCoverage(this.#globalConfig, results));
    delete process.env[RUN_ENV];
    if (report !== undefined) attachFigures(report, results, this.#globalConfig.rootDir);
    if (errors.length > 0) this.#error = new Error(errors.join('\n'));
  }

  /** jest fails the run (exit code 1) when a reporter has an error: a corrupt allowlist, say. */
  getLastError(): Error | undefined {
    return this.#error;
  }
}

/** A test's result, with perfgate's figures and verdict on it for the reporters listed after perfgate's. */
export type PerfgateAssertionResult = AggregatedResult['testResults'][number]['testResults'][number] & { perfgate?: TestReport };

/** jest's results have no field for a test's own data: the figures go on each test's result object, by file and name. */
function attachFigures(report: PerfgateReport, results: AggregatedResult, root: string): void {
  const byTest = new Map(report.tests.map((test) => [`${test.file} > ${test.name}`, test]));
  for (const file of results.testResults ?? []) {
    const path = relative(root, file.testFilePath ?? '').split(sep).join('/');
    for (const assertion of (file.testResults ?? []) as PerfgateAssertionResult[]) {
      const test = byTest.get(`${path} > ${[...assertion.ancestorTitles, assertion.title].join(' > ')}`);
      if (test !== undefined) assertion.perfgate = test;
    }
  }
}

/** Loads `perfgate.config.*` natively here: a jest worker in CommonJS mode could not import an ES module one. */
async function preloadOptionsFile(root: string): Promise<NonNullable<JestRun['optionsFile']>> {
  try {
    const file = await loadPerfgateConfigFile(root, { importModule: (url) => import(url) });
    return { root, options: resolvePerfgateOptions(file?.input, file?.where ?? `globals.perfgate in ${jestConfigName(root)}`, ADAPTER_NAMES) };
  } catch (error) {
    return { root, error: (error as Error).message };
  }
}
