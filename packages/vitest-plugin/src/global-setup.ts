/**
 * Runs in vitest's main process, once per project: tells the workers what
 * the update flag lets them write and where to report, and when the run
 * ends, updates each allowlist and the baselines once for the whole run
 * (never from a worker, never under CI).
 */
import { RunSession, type RunCoverage } from '@perfgate/core/runner';
import type { TestProject } from 'vitest/node';
import type {} from './provided-context.js';
import { vitestCoverage, vitestUpdateMode, type VitestRunState } from './vitest-run.js';

/**
 * Projects (`test.projects`) each run this file, in one process: they share
 * one run, so entries one project needs or adds are never stale for another.
 * The last project's teardown finishes it.
 */
interface SharedRun {
  readonly session: RunSession;
  readonly coverage: RunCoverage;
  projects: number;
  /** `bail` cancels the run after a failure: the specs it did not run cannot be judged. */
  cancelled: boolean;
}

const SHARED_RUN = Symbol.for('perfgate.vitest.run');
type GlobalWithRun = typeof globalThis & { [SHARED_RUN]?: SharedRun | undefined };

export default async function perfgateGlobalSetup(project: TestProject): Promise<() => Promise<void>> {
  const { root, options } = project.getProvidedContext().perfgate;
  const holder = globalThis as GlobalWithRun;
  const config: VitestRunState = project.globalConfig;
  // Read now: vitest clears `changed` and `related` when the run's tests end, before any teardown.
  holder[SHARED_RUN] ??= {
    session: new RunSession({ update: vitestUpdateMode(config.update), root, runner: 'vitest', report: options.report, shard: config.shard ?? undefined }),
    coverage: vitestCoverage({ ...config, filters: (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern }),
    projects: 0,
    cancelled: false,
  };
  const run = holder[SHARED_RUN];
  if (run.projects++ === 0) project.vitest.onCancel(() => void (run.cancelled = true));
  const { coverage } = project.globalConfig;
  // V8 coverage is recorded in the workers: allocation attribution must not deoptimise their code then.
  project.provide('perfgateRun', { update: run.session.update, reportDir: run.session.reportDir, v8Coverage: coverage.enabled && coverage.provider === 'v8' });

  return async function teardown() {
    if (--run.projects > 0) return;
    holder[SHARED_RUN] = undefined;
    const { errors } = await run.session.finish({ ...run.coverage, stoppedEarly: run.cancelled });
    if (errors.length > 0) process.exitCode = 1;
  };
}
