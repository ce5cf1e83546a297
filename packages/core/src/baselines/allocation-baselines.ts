import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, PerfgateError } from '../errors.js';

/** The folder beside a spec that holds its allocation baselines, as `__snapshots__` holds snapshots. */
export const BASELINE_DIR = '__perfgate__';

/**
 * A spec's allocation baselines: bytes per call by runtime (`node20-x64`),
 * then by test name. One number per line, keys sorted: diffs show exactly
 * which test's figure moved.
 */
export interface BaselineFile {
  readonly version: 1;
  readonly bytesPerOp: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Load-test baselines (`toMatchLatencyBaseline`), by machine then test; only in files that have some. */
  readonly latency?: Readonly<Record<string, Readonly<Record<string, LatencyBaseline>>>>;
}

/** One latency baseline: the p99 of each round of the scenario, in ms, and the queries each request sent. */
export interface LatencyBaseline {
  readonly p99Ms: readonly number[];
  readonly queriesPerRequest?: number;
}

export const EMPTY_BASELINES: BaselineFile = { version: 1, bytesPerOp: {} };

/** `test/__perfgate__/logger.spec.ts.json` for `test/logger.spec.ts`. */
export function baselinePathFor(specPath: string): string {
  return join(dirname(specPath), BASELINE_DIR, `${basename(specPath)}.json`);
}

function corrupt(path: string, problem: string): PerfgateError {
  return new PerfgateError(
    'CORRUPT_FILE',
    `perfgate: ${path} is not a valid allocation baseline file: ${problem}. It was left as it is; fix it by hand, or delete it and run the tests to record the baselines again.`,
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a baseline file's text; throws naming the file and the first problem. */
export function parseBaselines(text: string, path: string): BaselineFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw corrupt(path, `invalid JSON (${(error as Error).message})`);
  }
  if (!isRecord(data)) throw corrupt(path, `expected an object, found ${describe(data)}`);
  if (data.version !== 1) throw corrupt(path, `"version" must be 1, found ${describe(data.version)}`);
  const { bytesPerOp } = data;
  if (!isRecord(bytesPerOp)) throw corrupt(path, `"bytesPerOp" must be an object of runtimes, found ${describe(bytesPerOp)}`);
  for (const [runtime, tests] of Object.entries(bytesPerOp)) {
    if (!isRecord(tests)) throw corrupt(path, `"bytesPerOp"."${runtime}" must be an object of test names, found ${describe(tests)}`);
    for (const [test, bytes] of Object.entries(tests)) {
      if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) {
        throw corrupt(path, `"bytesPerOp"."${runtime}"."${test}" must be a number of bytes, 0 or more; found ${describe(bytes)}`);
      }
    }
  }
  const { latency } = data;
  if (latency === undefined) return { version: 1, bytesPerOp: bytesPerOp as BaselineFile['bytesPerOp'] };
  if (!isRecord(latency)) throw corrupt(path, `"latency" must be an object of machines, found ${describe(latency)}`);
  for (const [machine, tests] of Object.entries(latency)) {
    if (!isRecord(tests)) throw corrupt(path, `"latency"."${machine}" must be an object of test names, found ${describe(tests)}`);
    for (const [test, entry] of Object.entries(tests)) {
      const rounds = isRecord(entry) ? entry.p99Ms : undefined;
      if (!Array.isArray(rounds) || rounds.length === 0 || !rounds.every((ms) => typeof ms === 'number' && Number.isFinite(ms) && ms >= 0)) {
        throw corrupt(path, `"latency"."${machine}"."${test}".p99Ms must be a list of milliseconds; found ${describe(rounds)}`);
      }
    }
  }
  return { version: 1, bytesPerOp: bytesPerOp as BaselineFile['bytesPerOp'], latency: latency as unknown as BaselineFile['latency'] };
}

/** Reads a baseline file; a missing one is empty, a corrupt one an error (the file is never rewritten then). */
export function readBaselines(path: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): BaselineFile {
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_BASELINES;
    throw error;
  }
  return parseBaselines(text, path);
}

/** Bytes are stored to 0.1 B: finer digits are noise, and would churn the diff. */
export function roundBytes(bytes: number): number {
  return Math.round(bytes * 10) / 10;
}

// Code-point order, not localeCompare: the committed file must not depend on the machine's locale.
const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** Stable, diff-friendly text: runtimes and test names sorted, one figure per line. */
export function serializeBaselines(file: BaselineFile): string {
  const bytesPerOp = Object.fromEntries(
    Object.entries(file.bytesPerOp)
      .sort(byKey)
      .map(([runtime, tests]) => [runtime, Object.fromEntries(Object.entries(tests).sort(byKey).map(([test, bytes]) => [test, roundBytes(bytes)]))]),
  );
  const latency =
    file.latency === undefined
      ? undefined
      : Object.fromEntries(Object.entries(file.latency).sort(byKey).map(([machine, tests]) => [machine, Object.fromEntries(Object.entries(tests).sort(byKey))]));
  // Each round list on one line: a moved baseline is a one-line diff.
  const text = JSON.stringify({ version: 1, bytesPerOp, ...(latency && { latency }) }, null, 2).replace(/\[\s+([\d.,\s]+?)\s+\]/g, (_m, list: string) => `[${list.split(/,\s*/).join(', ')}]`);
  return `${text}\n`;
}

/** The file with `figures` (runtime → test → bytes, or a latency baseline) set over what it held. */
export function withBaselines(
  file: BaselineFile,
  figures: ReadonlyArray<{ readonly runtime: string; readonly test: string; readonly bytesPerOp: number; readonly latency?: LatencyBaseline | undefined }>,
): BaselineFile {
  const bytesPerOp: Record<string, Record<string, number>> = Object.fromEntries(Object.entries(file.bytesPerOp).map(([runtime, tests]) => [runtime, { ...tests }]));
  let latency: Record<string, Record<string, LatencyBaseline>> | undefined = file.latency && Object.fromEntries(Object.entries(file.latency).map(([machine, tests]) => [machine, { ...tests }]));
  for (const { runtime, test, bytesPerOp: bytes, latency: entry } of figures) {
    if (entry === undefined) (bytesPerOp[runtime] ??= {})[test] = roundBytes(bytes);
    else ((latency ??= {})[runtime] ??= {})[test] = entry;
  }
  return { version: 1, bytesPerOp, ...(latency && { latency }) };
}
