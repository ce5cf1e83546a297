import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishAllowlistRun } from '../allowlist/allowlist-update.js';
import { finishBaselineRun } from '../baselines/baseline-update.js';
import type { BaselineReport } from '../baselines/baseline-session.js';
import type { GateReport } from './gate-session.js';
import { loadWorkerReports } from './worker-reports.js';
import { isPartialRun, type RunCoverage } from './run-coverage.js';
import type { UpdateMode } from './update-mode.js';

/** What one test file's N+1 gate saw, with the allowlist it was checked against (projects may differ). */
export interface WorkerGateReport {
  readonly allowlistPath: string;
  readonly allowlistName: string;
  readonly report: GateReport;
}

/** The worker report kinds the run session reads. */
export const REPORT_KINDS = { nPlusOne: 'n-plus-one', allocations: 'allocations' } as const;

export interface RunSessionOptions {
  readonly update: UpdateMode;
  /** Baseline paths in the summary are shown relative to this. */
  readonly root: string;
  /** The run's summary lines and errors; the console by default. */
  readonly log?: (line: string) => void;
  readonly error?: (line: string) => void;
  readonly readFile?: (path: string) => string;
  readonly writeFile?: (path: string, text: string) => void;
  readonly makeDirectory?: (path: string) => void;
  /** Where the workers' report folder is made: the OS temporary directory by default. */
  readonly tmpdir?: string;
}

export interface RunOutcome {
  /** A file perfgate could not update (a corrupt allowlist or baseline): the run must fail. */
  readonly errors: readonly string[];
}

/**
 * One test run as the runner's main process sees it, the same for vitest's
 * global setup and jest's reporter: a folder the workers report into, then
 * one finish that updates each allowlist and the baselines from every
 * report. Finishing is idempotent (jest calls `onRunComplete` twice when
 * `bail` stops a run with much output): later calls share the first's outcome.
 */
export class RunSession {
  readonly reportDir: string;
  readonly update: UpdateMode;
  readonly #options: RunSessionOptions;
  #finished: Promise<RunOutcome> | undefined;

  constructor(options: RunSessionOptions) {
    this.#options = options;
    this.update = options.update;
    this.reportDir = mkdtempSync(join(options.tmpdir ?? tmpdir(), 'perfgate-'));
  }

  finish(coverage: RunCoverage): Promise<RunOutcome> {
    return (this.#finished ??= this.#finish(coverage));
  }

  async #finish(coverage: RunCoverage): Promise<RunOutcome> {
    const log = this.#options.log ?? ((line: string) => console.log(line));
    const error = this.#options.error ?? ((line: string) => console.error(line));
    const writeFile = this.#options.writeFile ?? ((path: string, text: string) => writeFileSync(path, text));
    const makeDirectory = this.#options.makeDirectory ?? ((path: string) => void mkdirSync(path, { recursive: true }));
    const { update } = this;
    const { readFile } = this.#options;
    const errors: string[] = [];
    try {
      if (update.notice !== undefined) log(update.notice);
      const byAllowlist = new Map<string, WorkerGateReport[]>();
      for (const report of await loadWorkerReports<WorkerGateReport>(this.reportDir, REPORT_KINDS.nPlusOne)) {
        byAllowlist.set(report.allowlistPath, [...(byAllowlist.get(report.allowlistPath) ?? []), report]);
      }
      // Stale entries are reported only where someone acts on them: CI and update runs over the whole suite.
      const partial = isPartialRun(coverage) || !(update.addNew || update.ci);
      for (const [path, reports] of byAllowlist) {
        try {
          const result = finishAllowlistRun({ path, name: reports[0]!.allowlistName, update: update.addNew, partial, reports: reports.map((r) => r.report), readFile, writeFile });
          result.lines.forEach((line) => log(line));
        } catch (failure) {
          errors.push((failure as Error).message);
        }
      }
      const baselines = finishBaselineRun({
        reports: await loadWorkerReports<BaselineReport>(this.reportDir, REPORT_KINDS.allocations),
        root: this.#options.root,
        ci: update.ci,
        updateCommand: update.command,
        readFile,
        writeFile,
        makeDirectory,
      });
      baselines.lines.forEach((line) => log(line));
      errors.push(...baselines.errors);
    } catch (failure) {
      errors.push((failure as Error).message);
    } finally {
      rmSync(this.reportDir, { recursive: true, force: true });
    }
    errors.forEach((line) => error(line));
    return { errors };
  }
}
