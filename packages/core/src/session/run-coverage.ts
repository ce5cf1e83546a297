/**
 * How much of the suite one run saw, as each runner reports it. The runners
 * only translate their flags and state into this; the rule that decides
 * what a partial run may conclude lives here, once.
 */
export interface RunCoverage {
  /** Spec files named on the command line (vitest's filters, jest's `--testPathPattern`). */
  readonly fileFilter?: boolean;
  /** `-t` / `--testNamePattern`. */
  readonly nameFilter?: boolean;
  /** `--shard`. */
  readonly shard?: boolean;
  /** Only the specs touched by a change: vitest `--changed`/`--related`, jest `--onlyChanged`/`--findRelatedTests`/`--changedSince`/`--lastCommit`/`--onlyFailures`. */
  readonly changedOnly?: boolean;
  /** Some of the configured projects (vitest `--project`, jest `--selectProjects`). */
  readonly projectSubset?: boolean;
  /** The run stopped early: `bail` after a failure, or an interrupt. */
  readonly stoppedEarly?: boolean;
}

/** The reason a shard gives (report.json's `partial`): the one `perfgate merge` lifts when every shard is there. */
export const SHARD_REASON = 'a shard';

const REASONS: ReadonlyArray<readonly [keyof RunCoverage, string]> = [
  ['fileFilter', 'a file filter'],
  ['nameFilter', 'a test name filter'],
  ['shard', SHARD_REASON],
  ['changedOnly', 'changed files only'],
  ['projectSubset', 'a subset of the projects'],
  ['stoppedEarly', 'the run stopped early'],
];

/** Why the run saw only part of the suite, in words for the summary; empty for a full run. */
export function partialRunReasons(coverage: RunCoverage): string[] {
  return REASONS.filter(([key]) => coverage[key] === true).map(([, words]) => words);
}

/**
 * The rule: a run that did not see every spec never calls an allowlist
 * entry stale — it cannot tell a fixed N+1 from one it did not run.
 */
export function isPartialRun(coverage: RunCoverage): boolean {
  return partialRunReasons(coverage).length > 0;
}
