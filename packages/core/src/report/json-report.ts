import { ERROR_MESSAGES, PerfgateError } from '../errors.js';
import { REPORT_VERSION, type PerfgateReport } from './report-model.js';

/** The schema's id, also written as the file's `$schema` so editors check it. */
export const REPORT_SCHEMA_ID = 'https://perfgate.dev/schema/report-v1.json';

/** report.json's text: stable key order (the model's), two-space indents, a final newline. */
export function serializeReport(report: PerfgateReport): string {
  return `${JSON.stringify({ $schema: REPORT_SCHEMA_ID, ...report }, null, 2)}\n`;
}

/**
 * Reads a report.json (`perfgate merge` reads the shards'): a clear error
 * naming the file for bad JSON or another version. Full validation is the
 * schema's (schema/report.schema.json).
 */
export function parseReport(text: string, path: string): PerfgateReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PerfgateError('CORRUPT_FILE', ERROR_MESSAGES.CORRUPT_FILE(`perfgate: ${path} is not a perfgate report: invalid JSON (${(error as Error).message}).`));
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof data !== 'object' || data === null || (data as { tool?: { name?: unknown } }).tool?.name !== 'perfgate') {
    throw new PerfgateError('CORRUPT_FILE', ERROR_MESSAGES.CORRUPT_FILE(`perfgate: ${path} is not a perfgate report (no "tool": { "name": "perfgate" }).`));
  }
  if (version !== REPORT_VERSION) {
    throw new PerfgateError('CORRUPT_FILE', ERROR_MESSAGES.CORRUPT_FILE(`perfgate: ${path} is a version ${JSON.stringify(version)} report; this perfgate reads version ${REPORT_VERSION}.`));
  }
  const report = { ...(data as PerfgateReport & { $schema?: string }) };
  delete report.$schema;
  return report;
}
