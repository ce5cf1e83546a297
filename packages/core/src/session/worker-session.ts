import { allowlistPathFor } from '../allowlist/allowlist-path.js';
import { PerfgateError } from '../errors.js';
import { instrumentHttpServers } from '../http/http-scope.js';
import { perfgateMatchers } from '../matchers/index.js';
import { applyRuntimeOptions, type ResolvedPerfgateOptions } from '../options/perfgate-options.js';
import type { Instrumentation } from '../patch/instrumentation.js';
import { figureLine } from '../report/figure-lines.js';
import { followFigures } from '../report/record-figures.js';
import type { TestReport } from '../report/report-model.js';
import type { BaselineSession } from '../baselines/baseline-session.js';
import { GateSession } from './gate-session.js';
import { startMeasuredGates } from './measured-gates.js';
import { REPORT_KINDS, type WorkerGateReport } from './run-session.js';
import { TestSession, type TestOutcome } from './test-session.js';
import { runInTestState, type TestIdentity, type TestState } from './test-state.js';
import type { UpdateMode } from './update-mode.js';
import { saveWorkerReport } from './worker-reports.js';

/** What the runner's main process hands each worker (vitest's `provide`, jest's environment). */
export interface WorkerRun {
  readonly update: UpdateMode;
  /** Where workers save their reports. */
  readonly reportDir: string;
  /** The runner records V8 coverage in the workers: allocation attribution must not deoptimise code then. */
  readonly v8Coverage: boolean;
}

export interface WorkerStart {
  readonly root: string;
  readonly options: ResolvedPerfgateOptions;
  /** Undefined when perfgate's main-process half (vitest's global setup, jest's reporter) is not in the run: nothing collects a report then. */
  readonly run: WorkerRun | undefined;
  /** What the update flag lets this worker do: the run's, or read here (`CI=true`) without one. */
  readonly update: UpdateMode;
  /** `vitest run`, `jest`: how to run the suite outside CI, for messages. */
  readonly runCommand: string;
}

/** What the runner does when a test ends: fail it with `error` when there is one (perfgate printed the warnings). */
export interface TestEnd {
  readonly error?: Error | undefined;
  /** The test's figures and perfgate's verdict, as the run's report holds them (vitest puts it on `task.meta`). */
  readonly report: TestReport;
}

/** perfgate's message names what to fix and where: its own frames would only distract. */
export function withoutPerfgateStack<E>(error: E): E {
  if (error instanceof PerfgateError) error.stack = `${error.name}: ${error.message}`;
  return error;
}

function verdictOf(outcome: TestOutcome | undefined, state: TestState): TestReport['perfgate'] {
  const { budgets, allocations, bundles, loads } = state.figures;
  if (outcome?.failure !== undefined || [...budgets, ...allocations, ...bundles, ...loads].some((f) => !f.pass)) return 'fail';
  return outcome === undefined ? 'fail' : outcome.warnings.length > 0 ? 'warn' : 'pass';
}

/**
 * One test worker (or jest test file) as perfgate sees it, the same for
 * every runner: options, HTTP scoping and the gates once, then each test's
 * own state from its start to its verdict, and the reports the run's main
 * process collects. A runner only says when a test starts and ends, and runs
 * its body through `runTest`; drivers it instruments itself (orm-adapters
 * sits above core) and hands over with `adopt`.
 */
export class WorkerSession {
  readonly #tests = new TestSession();
  readonly #handles: Instrumentation[] = [];
  readonly #reports: TestReport[] = [];
  #started: { readonly run: WorkerRun | undefined; readonly gate?: Omit<WorkerGateReport, 'report'>; readonly baselines: BaselineSession } | undefined;

  /** perfgate's matchers for the runner's `expect.extend`, each watched for the unawaited check. */
  matchers(): typeof perfgateMatchers {
    return this.#tests.assertions.wrap(perfgateMatchers);
  }

  start({ root, options, run, update, runCommand }: WorkerStart): void {
    applyRuntimeOptions(options);
    if (options.http) this.#handles.push(instrumentHttpServers());
    const measured = startMeasuredGates({ root, options, update: update.rewrite, ci: update.ci, writable: run !== undefined, coverage: run?.v8Coverage ?? false, updateCommand: update.command, runCommand });
    this.#handles.push({ dispose: measured.stop });
    if (options.nPlusOne === 'off') {
      this.#started = { run, baselines: measured.baselines };
      return;
    }
    const gate = { allowlistPath: allowlistPathFor(options.allowlist, root), allowlistName: options.allowlist };
    this.#tests.gate = new GateSession({ mode: options.nPlusOne, threshold: options.nPlusOneThreshold, ...gate, update: update.addNew, updateCommand: update.command, blockedBy: update.blockedBy });
    this.#started = { run, gate, baselines: measured.baselines };
  }

  /** Instrumentation the runner applied, undone with the session's own in `dispose`. */
  adopt(handle: Instrumentation): void {
    this.#handles.push(handle);
  }

  /** A test starts: its own state; `annotate` is told a one-line summary of each figure it records while it runs. */
  beforeTest(identity: TestIdentity, annotate?: (line: string) => void): TestState {
    const state = this.#tests.beforeTest(identity);
    if (annotate !== undefined) {
      followFigures(state, (recorded) => {
        const line = figureLine(recorded);
        if (line !== undefined) annotate(line);
      });
    }
    return state;
  }

  /** Runs the test's body (or the runner's whole test with its hooks) in its own async context: concurrent tests never see each other's scopes. */
  runTest<T>(state: TestState, body: () => T): T {
    return runInTestState(state, body);
  }

  /** The test ended: its verdict, from its own state alone. `concurrent`: it ran beside others. */
  async afterTest(state: TestState, { concurrent = false }: { readonly concurrent?: boolean } = {}): Promise<TestEnd> {
    let outcome: TestOutcome | undefined;
    let error: Error | undefined;
    try {
      outcome = await this.#tests.afterTest(state, { concurrent });
      for (const warning of outcome.warnings) console.warn(warning);
      if (outcome.failure !== undefined) error = new PerfgateError(outcome.failure.code, outcome.failure.message);
    } catch (failure) {
      error = failure as Error; // a corrupt allowlist: its message names the file
    }
    const report = state.report(verdictOf(outcome, state));
    this.#reports.push(report);
    return { error: withoutPerfgateStack(error), report };
  }

  /**
   * A test the runner runs without each-hooks (jest's concurrent tests): its
   * body in its own state, judged when it settles. The body's own error is
   * rethrown untouched and wins over perfgate's.
   */
  async runJudged(identity: TestIdentity, body: () => unknown): Promise<void> {
    const state = this.beforeTest(identity);
    let thrown: { readonly error: unknown } | undefined;
    try {
      await this.runTest(state, body);
    } catch (error) {
      thrown = { error };
    }
    const { error } = await this.afterTest(state, { concurrent: true });
    if (thrown !== undefined) throw thrown.error;
    if (error !== undefined) throw error;
  }

  /** The worker's reports, for the run's main process: the allowlist's use, baselines, and each test's figures. */
  async finish(): Promise<void> {
    const started = this.#started;
    if (started?.run === undefined) return;
    const { reportDir } = started.run;
    const gate = this.#tests.gate;
    if (started.gate !== undefined && gate !== undefined) await saveWorkerReport(reportDir, REPORT_KINDS.nPlusOne, { ...started.gate, report: gate.report() } satisfies WorkerGateReport);
    const baselines = started.baselines.report();
    if (baselines.entries.length > 0) await saveWorkerReport(reportDir, REPORT_KINDS.baselines, baselines);
    const tests = this.#reports.splice(0);
    if (tests.length > 0) await saveWorkerReport(reportDir, REPORT_KINDS.tests, tests);
  }

  /** Undoes the instrumentation, newest first (jest gives each test file fresh modules but the same node:http). */
  dispose(): void {
    for (const handle of this.#handles.splice(0).reverse()) handle.dispose();
  }
}
