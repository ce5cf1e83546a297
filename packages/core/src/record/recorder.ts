import { performance } from 'node:perf_hooks';
import { getRuntime } from '../runtime.js';
import { QueryRecord, type QueryInput } from './query-record.js';

/**
 * Records a query into the current scope and each enclosing one. Returns
 * undefined, having done nothing else, when no scope is active: the cost of an
 * instrumented driver outside perfgate scopes is one AsyncLocalStorage read.
 */
export function startQuery(input: QueryInput): QueryRecord | undefined {
  const scope = getRuntime().storage.getStore();
  if (scope === undefined) return undefined;
  const record = new QueryRecord(input, scope.traceId, performance.now());
  for (let s: typeof scope | undefined = scope; s !== undefined; s = s.parent) s.add(record);
  return record;
}

/** Marks a query answered (or failed) and stores its duration. */
export function finishQuery(record: QueryRecord | undefined, error?: unknown): void {
  if (record === undefined) return;
  record.durationMs = performance.now() - record.startedAt;
  if (error !== undefined && error !== null) record.failed = true;
}
