import { isCI, resolveUpdateMode, type ResolvedPerfgateOptions, type RunCoverage, type UpdateMode, type WorkerRun } from '@perfgate/core/runner';
import type { AggregatedResult } from '@jest/reporters';
import type { Config } from '@jest/types';

/** The environment variable the reporter sets before jest starts its workers, which inherit it. */
export const RUN_ENV = 'PERFGATE_JEST_RUN';

/**
 * What perfgate's reporter (jest's main process) hands the setup file in
 * each test file, as vitest's `provide`/`inject` does for the plugin.
 */
export interface JestRun extends WorkerRun {
  /**
   * The options file at the run's root, loaded here because a worker's jest
   * cannot import an ES module without --experimental-vm-modules; validated,
   * or the error it gave.
   */
  readonly optionsFile?: {
    readonly root: string;
    readonly options?: ResolvedPerfgateOptions;
    readonly error?: string;
  };
}

export function readRun(env: NodeJS.ProcessEnv): JestRun | undefined {
  const text = env[RUN_ENV];
  return text === undefined || text === '' ? undefined : (JSON.parse(text) as JestRun);
}

/**
 * jest's update flag in perfgate's terms. jest turns `ci` on by itself under
 * a CI environment; without CI=true, `ci` means the `--ci` flag was given.
 */
export function jestUpdateMode(updateSnapshot: Config.SnapshotUpdateState | undefined, ci: boolean, ciEnv = isCI()): UpdateMode {
  return resolveUpdateMode({ requested: updateSnapshot === 'all' ? 'all' : undefined, ciEnv, ciFlag: ci ? '--ci' : undefined, command: 'jest -u' });
}

type CoverageConfig = Pick<Config.GlobalConfig, 'shard' | 'testNamePattern' | 'onlyChanged' | 'onlyFailures' | 'findRelatedTests' | 'lastCommit' | 'changedSince'> & {
  /** jest 30; jest 29 has `testPathPattern` instead. */
  readonly testPathPatterns?: { isSet(): boolean } | undefined;
  readonly testPathPattern?: string | undefined;
};

/** How much of the suite a jest run saw: its filters, and whether it stopped before every file ran (bail, interrupt). */
export function jestCoverage(config: CoverageConfig, results: Pick<AggregatedResult, 'wasInterrupted' | 'numTotalTestSuites' | 'testResults'>, argv = process.argv): RunCoverage {
  return {
    fileFilter: config.testPathPatterns?.isSet() === true || Boolean(config.testPathPattern),
    nameFilter: Boolean(config.testNamePattern),
    shard: config.shard !== undefined,
    changedOnly: config.onlyChanged || config.onlyFailures || config.findRelatedTests || config.lastCommit || Boolean(config.changedSince),
    // Not in jest's global config: the projects jest dropped are gone before any reporter starts.
    projectSubset: argv.some((arg) => /^--(selectProjects|ignoreProjects)\b/.test(arg)),
    stoppedEarly: results.wasInterrupted || results.testResults.length < results.numTotalTestSuites,
  };
}
