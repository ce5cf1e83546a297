import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishAllowlistRun } from '../allowlist/allowlist-update.js';
import { finishBaselineRun } from '../baselines/baseline-update.js';
import type { BaselineReport } from '../baselines/baseline-session.js';
import type { GateReport } from './gate-session.js';
import { DEFAULT_REPORT_OPTIONS, type ResolvedReportOptions } from '../options/report-options.js';
import { buildReport } from '../report/build-report.js';
import type { PerfgateReport, TestReport } from '../report/report-model.js';
import { renderHtml } from '../report/html/render-html.js';
import { writeReportOutputs } from '../report/report-outputs.js';
import { allowlistFigure, baselineFigures, reportPath } from '../report/run-figures.js';
import { perfgateVersion } from '../report/tool-version.js';
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
export const REPORT_KINDS = { nPlusOne: 'n-plus-one', baselines: 'baselines', tests: 'tests' } as const;

export interface RunSessionOptions {
  readonly update: UpdateMode;
  /** The project root: report files are written under it, and every path in the report is relative to it. */
  readonly root: string;
  readonly runner: 'vitest' | 'jest';
  /** The `report` option: which outputs the run writes. */
  readonly report?: ResolvedReportOptions;
  /** `--shard=k/n`, 1-based. */
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
  /** `GITHUB_ACTIONS`, `GITHUB_STEP_SUMMARY`, `GITHUB_WORKSPACE`: process.env by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
  readonly appendFile?: (path: string, text: string) => void;
  /** The HTML view of the report: core's own by default. */
  readonly renderHtml?: (report: PerfgateReport) => string;
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
  /** A file perfgate could not update (a corrupt allowlist or baseline) or write (a report): the run must fail. */
  readonly errors: readonly string[];
  /** The run's report, unless reading the workers' reports failed. */
  readonly report?: PerfgateReport;
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
  readonly #startedAt: Date;

  constructor(options: RunSessionOptions) {
    this.#options = { renderHtml, ...options };
    this.#startedAt = (options.now ?? (() => new Date()))();
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
    const { readFile, root } = this.#options;
    const errors: string[] = [];
    let report: PerfgateReport | undefined;
    try {
      if (update.notice !== undefined) log(update.notice);
      const byAllowlist = new Map<string, WorkerGateReport[]>();
      for (const report of await loadWorkerReports<WorkerGateReport>(this.reportDir, REPORT_KINDS.nPlusOne)) {
        byAllowlist.set(report.allowlistPath, [...(byAllowlist.get(report.allowlistPath) ?? []), report]);
      }
      // Stale entries are reported only where someone acts on them: CI and update runs over the whole suite.
      const partial = isPartialRun(coverage) || !(update.addNew || update.ci);
      const allowlists = [];
      for (const [path, reports] of byAllowlist) {
        try {
          const result = finishAllowlistRun({ path, name: reports[0]!.allowlistName, update: update.addNew, partial, reports: reports.map((r) => r.report), readFile, writeFile });
          result.lines.forEach((line) => log(line));
          allowlists.push(allowlistFigure(reportPath(root, path), reports.map((r) => r.report), { added: update.addNew ? result.added : [], stale: result.stale }));
        } catch (failure) {
          errors.push((failure as Error).message);
        }
      }
      const baselineEntries = (await loadWorkerReports<BaselineReport>(this.reportDir, REPORT_KINDS.baselines)).flatMap((r) => r.entries);
      const baselines = finishBaselineRun({
        reports: [{ entries: baselineEntries }],
        root,
        ci: update.ci,
        updateCommand: update.command,
        readFile,
        writeFile,
        makeDirectory,
      });
      baselines.lines.forEach((line) => log(line));
      errors.push(...baselines.errors);
      // A corrupt baseline file was reported (its error names it) and not written.
      const unwritable = new Set(baselineEntries.map((e) => e.file).filter((file) => baselines.errors.some((message) => message.includes(file))));
      const tests = (await loadWorkerReports<TestReport[]>(this.reportDir, REPORT_KINDS.tests)).flat();
      report = buildReport({
        runner: this.#options.runner,
        toolVersion: perfgateVersion(),
        root,
        startedAt: this.#startedAt,
        finishedAt: (this.#options.now ?? (() => new Date()))(),
        shard: this.#options.shard,
        coverage,
        tests,
        allowlists,
        baselines: baselineFigures(root, baselineEntries, update.ci, unwritable),
      });
      const outputs = writeReportOutputs(
        report,
        this.#options.report ?? DEFAULT_REPORT_OPTIONS,
        {
          env: this.#options.env ?? process.env,
          log,
          writeFile,
          appendFile: this.#options.appendFile ?? ((path, text) => appendFileSync(path, text)),
          makeDirectory,
          renderHtml: this.#options.renderHtml,
        },
        { updateCommand: update.command },
      );
      errors.push(...outputs);
    } catch (failure) {
      errors.push((failure as Error).message);
    } finally {
      rmSync(this.reportDir, { recursive: true, force: true });
    }
    errors.forEach((line) => error(line));
    return { errors, ...(report !== undefined && { report }) };
  }
}
