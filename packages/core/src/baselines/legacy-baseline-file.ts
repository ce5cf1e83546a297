import { median } from '../analysis/median.js';
import { describe } from '../errors.js';
import type { BaselineRecord } from './baseline-file.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isAmount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * The records of a version 1 file, which users have committed: bytes per
 * call under `bytesPerOp` (runtime → test → bytes) and load-test p99 rounds
 * under `latency` (machine → test → { p99Ms, queriesPerRequest }). Nothing
 * is lost: each becomes a record of its metric, and the file keeps its old
 * form until a run writes a baseline into it.
 */
export function readLegacyBaselines(data: Record<string, unknown>, fail: (problem: string) => never): BaselineRecord[] {
  const records: BaselineRecord[] = [];
  const { bytesPerOp, latency } = data;
  if (!isRecord(bytesPerOp)) fail(`"bytesPerOp" must be an object of runtimes, found ${describe(bytesPerOp)}`);
  for (const [runtime, tests] of Object.entries(bytesPerOp)) {
    if (!isRecord(tests)) fail(`"bytesPerOp"."${runtime}" must be an object of test names, found ${describe(tests)}`);
    for (const [test, bytes] of Object.entries(tests)) {
      if (!isAmount(bytes)) fail(`"bytesPerOp"."${runtime}"."${test}" must be a number of bytes, 0 or more; found ${describe(bytes)}`);
      records.push({ metric: 'bytes/op', runtime, test, value: bytes });
    }
  }
  if (latency === undefined) return records;
  if (!isRecord(latency)) fail(`"latency" must be an object of machines, found ${describe(latency)}`);
  for (const [machine, tests] of Object.entries(latency)) {
    if (!isRecord(tests)) fail(`"latency"."${machine}" must be an object of test names, found ${describe(tests)}`);
    for (const [test, entry] of Object.entries(tests)) {
      const rounds = isRecord(entry) ? entry.p99Ms : undefined;
      if (!Array.isArray(rounds) || rounds.length === 0 || !rounds.every(isAmount)) fail(`"latency"."${machine}"."${test}".p99Ms must be a list of milliseconds; found ${describe(rounds)}`);
      const queries = (entry as Record<string, unknown>).queriesPerRequest;
      if (queries !== undefined && !isAmount(queries)) fail(`"latency"."${machine}"."${test}".queriesPerRequest must be a number, 0 or more; found ${describe(queries)}`);
      records.push({ metric: 'p99 ms', runtime: machine, test, value: median(rounds), rounds, ...(queries !== undefined && { queriesPerRequest: queries }) });
    }
  }
  return records;
}
