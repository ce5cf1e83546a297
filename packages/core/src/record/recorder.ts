import { performance } from 'node:perf_hooks';
import { getRuntime } from '../runtime.js';
import { captureStack } from './call-site.js';
import { QueryRecord, type QueryInput } from './query-record.js';
import { repeatKey } from './repeat-key.js';

/**
 * Which occurrence of a statement in a scope gets a stack: the 2nd to 4th,
 * then the 8th, 16th, 32nd… A statement that runs once costs nothing; a loop
 * of 100 captures 7 stacks, enough to name its line (each capture costs
 * about as much as 10–20 queries' bookkeeping; see docs/performance.md).
 */
export function samplesCallSite(occurrence: number): boolean {
  return occurrence >= 2 && (occurrence <= 4 || (occurrence & (occurrence - 1)) === 0);
}

/**
 * Records a query into the current scope and each enclosing one. Returns
 * undefined, having done nothing else, when no scope is active: the cost of an
 * instrumented driver outside perfgate scopes is one AsyncLocalStorage read.
 */
export function startQuery(input: QueryInput): QueryRecord | undefined {
  const runtime = getRuntime();
  const scope = runtime.storage.getStore();
  if (scope === undefined) return undefined;
  const record = new QueryRecord(input, scope.traceId, performance.now());
  if (runtime.settings.callSites) {
    const key = repeatKey(input.sql);
    const occurrence = (scope.repeats.get(key) ?? 0) + 1;
    scope.repeats.set(key, occurrence);
    if (samplesCallSite(occurrence)) record.stack = captureStack(startQuery);
  }
  for (let s: typeof scope | undefined = scope; s !== undefined; s = s.parent) s.add(record);
  return record;
}

/** Marks a query answered (or failed) and stores its duration. */
export function finishQuery(record: QueryRecord | undefined, error?: unknown): void {
  if (record === undefined) return;
  record.durationMs = performance.now() - record.startedAt;
  if (error !== undefined && error !== null) record.failed = true;
}
