import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { median } from '../analysis/median.js';
import { describe, PerfgateError } from '../errors.js';
import { readLegacyBaselines } from './legacy-baseline-file.js';

/** The folder beside a spec that holds its baselines, as `__snapshots__` holds snapshots. */
export const BASELINE_DIR = '__perfgate__';

/** The file format this version writes; it reads version 1 (bytesPerOp and latency sections) too. */
export const BASELINE_FILE_VERSION = 2;

/** What a baseline measures, in its unit: bytes allocated per call, or a load scenario's p99 in milliseconds. */
export const BASELINE_METRICS = ['bytes/op', 'p99 ms'] as const;
export type BaselineMetric = (typeof BASELINE_METRICS)[number];

export interface AllocationBaseline {
  readonly metric: 'bytes/op';
  readonly value: number;
}

/** `value` is the median of `rounds` (the p99 of each round of the scenario), which the comparison uses. */
export interface LatencyBaseline {
  readonly metric: 'p99 ms';
  readonly value: number;
  readonly rounds: readonly number[];
  readonly queriesPerRequest?: number;
}

export type Baseline = AllocationBaseline | LatencyBaseline;

/** One stored figure: a test's baseline of one metric where it was measured (`runtimeKey()`; for latency the machine). */
export type BaselineRecord = Baseline & { readonly runtime: string; readonly test: string };

/** A spec's baselines, every metric in one list: one record per line on disk, sorted, so a diff shows which figure moved. */
export interface BaselineFile {
  readonly version: typeof BASELINE_FILE_VERSION;
  readonly baselines: readonly BaselineRecord[];
}

export const EMPTY_BASELINES: BaselineFile = { version: BASELINE_FILE_VERSION, baselines: [] };

/** `test/__perfgate__/logger.spec.ts.json` for `test/logger.spec.ts`. */
export function baselinePathFor(specPath: string): string {
  return join(dirname(specPath), BASELINE_DIR, `${basename(specPath)}.json`);
}

function corruptBaselines(path: string, problem: string): PerfgateError {
  return new PerfgateError(
    'CORRUPT_FILE',
    `perfgate: ${path} is not a valid baseline file: ${problem}. It was left as it is; fix it by hand, or delete it and run the tests to record the baselines again.`,
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isAmount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Bytes are stored to 0.1 B: finer digits are noise, and would churn the diff. */
export function roundBytes(bytes: number): number {
  return Math.round(bytes * 10) / 10;
}

const keyOf = (record: Pick<BaselineRecord, 'metric' | 'runtime' | 'test'>) => `${record.metric}\u0000${record.runtime}\u0000${record.test}`;

function parseRecord(entry: unknown, at: string, fail: (problem: string) => never): BaselineRecord {
  if (!isRecord(entry)) fail(`${at} must be an object such as { "metric": "bytes/op", "runtime": …, "test": …, "value": … }; found ${describe(entry)}`);
  const { metric, runtime, test, value, rounds, queriesPerRequest } = entry;
  if (!(BASELINE_METRICS as readonly unknown[]).includes(metric)) fail(`${at}.metric must be one of ${BASELINE_METRICS.map((m) => `"${m}"`).join(', ')}; found ${describe(metric)}`);
  if (typeof runtime !== 'string' || runtime === '') fail(`${at}.runtime must be a runtime such as "node20-x64"; found ${describe(runtime)}`);
  if (typeof test !== 'string') fail(`${at}.test must be a test name; found ${describe(test)}`);
  if (!isAmount(value)) fail(`${at}.value must be a number, 0 or more; found ${describe(value)}`);
  if (metric === 'bytes/op') return { metric, runtime, test, value };
  if (!Array.isArray(rounds) || rounds.length === 0 || !rounds.every(isAmount)) fail(`${at}.rounds must be a list of milliseconds; found ${describe(rounds)}`);
  // The comparison uses the rounds: a value edited alone would be shown but never checked.
  if (value !== median(rounds)) fail(`${at}.value must be the median of its rounds, ${median(rounds)}; found ${value}`);
  if (queriesPerRequest !== undefined && !isAmount(queriesPerRequest)) fail(`${at}.queriesPerRequest must be a number, 0 or more; found ${describe(queriesPerRequest)}`);
  return { metric: 'p99 ms', runtime, test, value, rounds, ...(queriesPerRequest !== undefined && { queriesPerRequest }) };
}

/** Checks a baseline file's text (this version's form or version 1's); throws naming the file and the first problem. */
export function parseBaselines(text: string, path: string): BaselineFile {
  const fail = (problem: string): never => {
    throw corruptBaselines(path, problem);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`invalid JSON (${(error as Error).message})`);
  }
  if (!isRecord(data)) return fail(`expected an object, found ${describe(data)}`);
  if (data.version === 1) return { version: BASELINE_FILE_VERSION, baselines: readLegacyBaselines(data, fail) };
  if (typeof data.version === 'number' && data.version > BASELINE_FILE_VERSION) {
    return fail(`it is version ${data.version}, written by a newer perfgate; this one reads versions 1 and ${BASELINE_FILE_VERSION}, so upgrade perfgate`);
  }
  if (data.version !== BASELINE_FILE_VERSION) return fail(`"version" must be ${BASELINE_FILE_VERSION}, found ${describe(data.version)}`);
  if (!Array.isArray(data.baselines)) return fail(`"baselines" must be a list of baselines, found ${describe(data.baselines)}`);
  const seen = new Set<string>();
  const baselines = data.baselines.map((entry, index) => {
    const record = parseRecord(entry, `"baselines"[${index}]`, fail);
    if (seen.has(keyOf(record))) fail(`"baselines"[${index}] repeats the ${record.metric} baseline of ${JSON.stringify(record.test)} on ${record.runtime}`);
    seen.add(keyOf(record));
    return record;
  });
  return { version: BASELINE_FILE_VERSION, baselines };
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

/** The stored baseline of `metric` for a test on a runtime, if any. */
export function findBaseline<M extends BaselineMetric>(file: BaselineFile, metric: M, runtime: string, test: string): Extract<BaselineRecord, { metric: M }> | undefined {
  return file.baselines.find((record) => record.metric === metric && record.runtime === runtime && record.test === test) as Extract<BaselineRecord, { metric: M }> | undefined;
}

// Code-point order, not localeCompare: the committed file must not depend on the machine's locale.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: BaselineRecord, b: BaselineRecord) => compare(a.metric, b.metric) || compare(a.runtime, b.runtime) || compare(a.test, b.test);

/** One record on one line, its keys in a fixed order: a moved baseline is a one-line diff. */
function recordLine(record: BaselineRecord): string {
  const fields: [string, unknown][] = [['metric', record.metric], ['runtime', record.runtime], ['test', record.test], ['value', record.value]];
  if (record.metric === 'p99 ms') {
    fields.push(['rounds', record.rounds]);
    if (record.queriesPerRequest !== undefined) fields.push(['queriesPerRequest', record.queriesPerRequest]);
  }
  const show = (value: unknown) => (Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : JSON.stringify(value));
  return `{ ${fields.map(([key, value]) => `${JSON.stringify(key)}: ${show(value)}`).join(', ')} }`;
}

/** Stable, diff-friendly text in this version's form, whichever form the file was read from. */
export function serializeBaselines(file: BaselineFile): string {
  const lines = [...file.baselines].sort(byKey).map(recordLine);
  const list = lines.length === 0 ? '[]' : `[\n    ${lines.join(',\n    ')}\n  ]`;
  return `{\n  "version": ${BASELINE_FILE_VERSION},\n  "baselines": ${list}\n}\n`;
}

/** A record as the file stores it: bytes rounded; a latency value always the median of its rounds, so the file is never one this module refuses. */
function stored(record: BaselineRecord): BaselineRecord {
  return record.metric === 'bytes/op' ? { ...record, value: roundBytes(record.value) } : { ...record, value: median(record.rounds) };
}

/** The file with `records` set over the ones of the same metric, runtime and test. */
export function withBaselines(file: BaselineFile, records: readonly BaselineRecord[]): BaselineFile {
  const byKeyOf = new Map(file.baselines.map((record) => [keyOf(record), record]));
  for (const record of records) byKeyOf.set(keyOf(record), stored(record));
  return { version: BASELINE_FILE_VERSION, baselines: [...byKeyOf.values()] };
}
