import { partialRunReasons, type RunCoverage } from '../session/run-coverage.js';
import { buildGateSummaries } from './gate-summaries.js';
import { REPORT_VERSION, type AllowlistFigure, type BaselineFigure, type PerfgateReport, type TestReport } from './report-model.js';

export interface ReportInputs {
  readonly runner: 'vitest' | 'jest';
  readonly toolVersion: string;
  /** Absolute; every path in the report is relative to it. */
  readonly root: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  /** `--shard=k/n`, 1-based as the runners spell it. */
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
  readonly coverage: RunCoverage;
  /** Every test file's finished tests, as the workers saved them. */
  readonly tests: readonly TestReport[];
  readonly allowlists: readonly AllowlistFigure[];
  readonly baselines: readonly BaselineFigure[];
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The run's report from what the workers and the run's finish saw. Tests
 * are sorted by file and name (workers finish in any order), so two runs of
 * one suite give the same report but for times.
 */
export function buildReport(inputs: ReportInputs): PerfgateReport {
  const tests = [...inputs.tests].sort((a, b) => order(a.file, b.file) || order(a.name, b.name) || order(a.id, b.id));
  return {
    version: REPORT_VERSION,
    tool: { name: 'perfgate', version: inputs.toolVersion },
    runner: inputs.runner,
    root: inputs.root,
    startedAt: inputs.startedAt.toISOString(),
    finishedAt: inputs.finishedAt.toISOString(),
    ...(inputs.shard !== undefined && { shards: [inputs.shard] }),
    partial: partialRunReasons(inputs.coverage),
    gates: buildGateSummaries(tests),
    tests,
    allowlists: [...inputs.allowlists].sort((a, b) => order(a.path, b.path)),
    baselines: [...inputs.baselines],
  };
}
