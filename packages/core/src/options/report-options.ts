import { describe, PerfgateError } from '../errors.js';

/** Where the run's report files go by default, relative to the project root (the folder heap profiles use). */
export const REPORT_DIR = '.perfgate';
export const DEFAULT_JSON_REPORT = `${REPORT_DIR}/report.json`;
export const DEFAULT_HTML_REPORT = `${REPORT_DIR}/report.html`;

/**
 * The run's outputs (docs/report.md). `false` turns them all off; each key
 * turns one off, or names its file (relative to the project root).
 */
export type ReportOptions =
  | boolean
  | {
      /** The summary printed at the end of the run. Default `true`. */
      summary?: boolean;
      /** `.perfgate/report.json`, or another path. Default `true`. */
      json?: boolean | string;
      /** `.perfgate/report.html`, or another path. Default `true`. */
      html?: boolean | string;
      /** Annotations and the step summary: `'auto'` (default) when `GITHUB_ACTIONS=true`. */
      github?: boolean | 'auto';
    };

export interface ResolvedReportOptions {
  readonly summary: boolean;
  /** The file's path relative to the project root, or false for none. */
  readonly json: string | false;
  readonly html: string | false;
  readonly github: boolean | 'auto';
}

export const DEFAULT_REPORT_OPTIONS: ResolvedReportOptions = { summary: true, json: DEFAULT_JSON_REPORT, html: DEFAULT_HTML_REPORT, github: 'auto' };
const NO_REPORT: ResolvedReportOptions = { summary: false, json: false, html: false, github: false };
const REPORT_OPTION_NAMES = ['summary', 'json', 'html', 'github'] as const;

function file(value: unknown, fallback: string, name: string, fail: (detail: string) => PerfgateError): string | false {
  if (value === undefined || value === true) return fallback;
  if (value === false) return false;
  if (typeof value === 'string' && value !== '') return value;
  throw fail(`"report.${name}" must be true, false or a file path (relative paths start at the project root); received ${describe(value)}.`);
}

/** Validates the `report` option; `fail` builds the error naming where the options came from. */
export function resolveReportOptions(input: unknown, fail: (detail: string) => PerfgateError): ResolvedReportOptions {
  if (input === undefined || input === true) return DEFAULT_REPORT_OPTIONS;
  if (input === false) return NO_REPORT;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw fail(`"report" must be true, false or an object such as { json: true, html: false }; received ${describe(input)}.`);
  }
  const unknown = Object.keys(input).filter((key) => !(REPORT_OPTION_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw fail(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"report.${k}"`).join(', ')}; the report options are ${REPORT_OPTION_NAMES.map((k) => `"${k}"`).join(', ')}.`);
  }
  const { summary = true, json, html, github = 'auto' } = input as Exclude<ReportOptions, boolean>;
  if (typeof summary !== 'boolean') throw fail(`"report.summary" must be true or false; received ${describe(summary)}.`);
  if (typeof github !== 'boolean' && github !== 'auto') throw fail(`"report.github" must be true, false or 'auto'; received ${describe(github)}.`);
  return { summary, json: file(json, DEFAULT_JSON_REPORT, 'json', fail), html: file(html, DEFAULT_HTML_REPORT, 'html', fail), github };
}
