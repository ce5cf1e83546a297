import { formatBytes } from '../allocations/byte-size.js';
import { measureAllocations, type AllocationMeasurement, type AllocationOptions } from '../allocations/measure-allocations.js';
import { formatTime, timePerOp, type TimePerOp } from './time-per-op.js';

/** A result whose mean time is under this multiple of an empty function's was likely optimised away (mitata's rule). */
export const OPTIMISED_OUT_RATIO = 1.42;

export interface BenchOptions extends AllocationOptions {
  /** Where the table goes: `console.log` by default; `false` prints nothing. */
  readonly print?: false | ((text: string) => void);
}

export interface BenchResult {
  readonly name: string;
  readonly time: TimePerOp;
  /** Bytes allocated per call (the median of the samples). */
  readonly bytesPerOp: number;
  readonly allocations: AllocationMeasurement;
  /** Set when the result cannot be told from an empty function's. */
  readonly warning?: string;
}

const empty = new Map<boolean, Promise<TimePerOp>>();
const SETTLED = Promise.resolve();

/** An empty function timed the same way (once per process and kind): the floor below which nothing was measured. */
function emptyTime(isAsync: boolean): Promise<TimePerOp> {
  let time = empty.get(isAsync);
  if (time === undefined) {
    time = timePerOp(isAsync ? () => SETTLED : () => undefined, isAsync);
    empty.set(isAsync, time);
  }
  return time;
}

/** The warning for a result that cannot be told from an empty function's: no faster than OPTIMISED_OUT_RATIO × its time, and allocating nothing. */
export function noOpWarning(time: TimePerOp, empty: TimePerOp, bytesPerOp: number): string | undefined {
  if (time.meanNs >= OPTIMISED_OUT_RATIO * empty.meanNs || bytesPerOp >= 1) return undefined;
  return 'indistinguishable from an empty function: V8 may have removed the work; return its result from the function';
}

/**
 * Measures time and bytes per call of `fn` in one result, and prints it as
 * a table. Time follows mitata's procedure (see timePerOp); bytes are
 * measureAllocations' figure. Return the work's result from `fn`: it goes
 * to a sink, so V8 cannot delete the work, and a result that cannot be
 * told from an empty function's gets a warning.
 *
 * @example
 * const { bytesPerOp } = await bench('format a log line', () => formatLine(entry));
 */
export async function bench(name: string, fn: () => unknown, options: BenchOptions = {}): Promise<BenchResult> {
  const { print = (text: string) => console.log(text), ...measureOptions } = options;
  const allocations = await measureAllocations(fn, measureOptions);
  const time = await timePerOp(fn, allocations.async);
  const floor = await emptyTime(allocations.async);
  const warning = noOpWarning(time, floor, allocations.bytesPerOp);
  const result: BenchResult = { name, time, bytesPerOp: allocations.bytesPerOp, allocations, ...(warning !== undefined && { warning }) };
  if (print !== false) print(formatBenchTable([result]));
  return result;
}

/** Results as an aligned table: name, time per call (median, min…p99), bytes per call, and any warning. */
export function formatBenchTable(results: readonly BenchResult[]): string {
  const rows = [
    ['benchmark', 'time/call (median)', 'min … p99', 'bytes/call (median)'],
    ...results.map((r) => [r.name, formatTime(r.time.medianNs), `${formatTime(r.time.minNs)} … ${formatTime(r.time.p99Ns)}`, formatBytes(r.bytesPerOp)]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  const warnings = results.filter((r) => r.warning !== undefined).map((r) => `! ${r.name}: ${r.warning}`);
  return [line(rows[0]!), rows[0]!.map((_, column) => '-'.repeat(widths[column]!)).join('  '), ...rows.slice(1).map(line), ...warnings].join('\n');
}
