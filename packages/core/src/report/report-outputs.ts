import { dirname, isAbsolute, join } from 'node:path';
import type { ResolvedReportOptions } from '../options/report-options.js';
import { annotationCommands, reportAnnotations } from './github-actions.js';
import { serializeReport } from './json-report.js';
import type { PerfgateReport } from './report-model.js';
import { formatStepSummary } from './step-summary.js';
import { formatTerminalSummary } from './terminal-summary.js';

/** Everything the outputs touch, injected so they run in tests without globals. */
export interface ReportOutputIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The summary and the workflow commands (stdout: GitHub reads commands there). */
  readonly log: (text: string) => void;
  readonly writeFile: (path: string, text: string) => void;
  readonly appendFile: (path: string, text: string) => void;
  readonly makeDirectory: (path: string) => void;
  /** The HTML view (report/html/); absent, no HTML file is written. */
  readonly renderHtml?: ((report: PerfgateReport) => string) | undefined;
}

export interface ReportOutputContext {
  readonly updateCommand?: string | undefined;
}

/** Whether the GitHub outputs are on: `'auto'` follows `GITHUB_ACTIONS=true`, which every GitHub Actions step has. */
export function githubOutputsOn(option: ResolvedReportOptions['github'], env: ReportOutputIo['env']): boolean {
  return option === 'auto' ? env.GITHUB_ACTIONS === 'true' : option;
}

/**
 * Writes each output the `report` option keeps: the terminal summary, the
 * report files, the annotations and the step summary. Report files are
 * written under CI too (they are the point of a CI run); a file that cannot
 * be written is an error for the run's outcome, never a crash.
 */
export function writeReportOutputs(report: PerfgateReport, options: ResolvedReportOptions, io: ReportOutputIo, context: ReportOutputContext = {}): string[] {
  const errors: string[] = [];
  const attempt = (what: string, write: () => void) => {
    try {
      write();
    } catch (error) {
      errors.push(`perfgate: could not write ${what}: ${(error as Error).message}`);
    }
  };
  const file = (path: string, text: string) => {
    const absolute = isAbsolute(path) ? path : join(report.root, path);
    attempt(path, () => {
      io.makeDirectory(dirname(absolute));
      io.writeFile(absolute, text);
    });
  };
  if (options.summary) io.log(formatTerminalSummary(report, { updateCommand: context.updateCommand }));
  if (options.json !== false) file(options.json, serializeReport(report));
  if (options.html !== false && io.renderHtml !== undefined) file(options.html, io.renderHtml(report));
  if (githubOutputsOn(options.github, io.env)) {
    for (const command of annotationCommands(reportAnnotations(report, io.env.GITHUB_WORKSPACE ?? report.root))) io.log(command);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile !== undefined && summaryFile !== '') attempt(`the step summary (${summaryFile})`, () => io.appendFile(summaryFile, formatStepSummary(report)));
  }
  return errors;
}
