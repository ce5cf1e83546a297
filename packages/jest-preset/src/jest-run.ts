import type { GateReport, ResolvedPerfgateOptions } from '@perfgate/core';

/** The environment variable the reporter sets before jest starts its workers, which inherit it. */
export const RUN_ENV = 'PERFGATE_JEST_RUN';

/**
 * What perfgate's reporter (jest's main process) hands the setup file in
 * each test file, as vitest's `provide`/`inject` does for the plugin.
 */
export interface JestRun {
  /** `jest -u`, and neither `--ci` nor CI=true: new N+1 findings go to the allowlist instead of failing. */
  readonly update: boolean;
  /** `--ci` or CI=true: no allocation baseline is written, so a missing one fails. */
  readonly ci: boolean;
  /** jest records V8 coverage (`coverageProvider: 'v8'`): allocation attribution must not deoptimise code then. */
  readonly v8Coverage: boolean;
  /** Where each test file writes its {@link FileReport}. */
  readonly reportDir: string;
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

/** What one test file's N+1 gate saw, with the allowlist it was checked against (projects may differ). */
export interface FileReport {
  readonly allowlistPath: string;
  readonly allowlistName: string;
  readonly report: GateReport;
}

export function readRun(env: NodeJS.ProcessEnv): JestRun | undefined {
  const text = env[RUN_ENV];
  return text === undefined || text === '' ? undefined : (JSON.parse(text) as JestRun);
}
