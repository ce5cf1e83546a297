import { join, resolve } from 'node:path';
import { perfgateError } from '../errors.js';
import { parseReport } from '../report/json-report.js';
import type { ReportInput } from '../report/merge-reports.js';
import type { PerfgateReport } from '../report/report-model.js';

const REPORT_FILE = 'report.json';
const LISTS = ['partial', 'gates', 'tests', 'allowlists', 'baselines'] as const;

/**
 * Reads each shard's report, named as the user typed it in every error: a
 * file that is missing, not JSON, not a perfgate report, of another version
 * or cut short. A folder (a downloaded artifact) stands for its report.json.
 */
export function readReports(files: readonly string[], cwd: string, readFile: (path: string) => string): ReportInput[] {
  return files.map((file) => {
    const { text, shown } = readOne(file, resolve(cwd, file), readFile);
    const report = parseReport(text, shown);
    const cut = LISTS.find((key) => !Array.isArray((report as unknown as Record<string, unknown>)[key]));
    if (cut !== undefined || typeof report.root !== 'string' || typeof report.runner !== 'string') {
      throw perfgateError('INVALID_REPORT', [shown, `is not a whole perfgate report (${cut === undefined ? '"root" or "runner"' : `"${cut}"`} is missing or not what the schema says: was its upload cut short)`]);
    }
    return { file: shown, report: report as PerfgateReport };
  });
}

function readOne(file: string, path: string, readFile: (path: string) => string): { readonly text: string; readonly shown: string } {
  try {
    return { text: readFile(path), shown: file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') {
      const inner = join(file, REPORT_FILE);
      try {
        return { text: readFile(join(path, REPORT_FILE)), shown: inner };
      } catch {
        throw perfgateError('INVALID_REPORT', [file, `is a folder without a ${REPORT_FILE}; pass the report.json each shard wrote (.perfgate/report.json by default)`]);
      }
    }
    if (code === 'ENOENT') throw perfgateError('INVALID_REPORT', [file, 'does not exist; check that the shard’s job ran and uploaded its .perfgate/report.json']);
    throw perfgateError('INVALID_REPORT', [file, `could not be read (${(error as Error).message})`]);
  }
}
