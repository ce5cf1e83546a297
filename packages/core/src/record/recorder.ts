import { performance } from 'node:perf_hooks';
import { getRuntime } from '../runtime.js';
import { captureStack } from './call-site.js';
import { QueryRecord, type QueryInput } from './query-record.js';
import { repeatKey } from './repeat-key.js';

/**
 * Which occurrence of a statement in a scope gets a stack: the 2nd to 8th,
 * then the 16th, 32nd, 64th… A statement that runs once costs nothing; a
 * loop of 100 captures 10 stacks. Short loops (the usual N+1 in a test) are
 * sampled densely, so two loops running one statement are told apart; runs
 * without a stack take the site of the last sampled run (see
 * analysis/n-plus-one.ts). Costs: docs/performance.md.
 */
/** Every occurrence up to this one (from the 2nd) gets a stack. */
export const SAMPLED_DENSELY = 8;

export function samplesCallSite(occurrence: number): boolean {
  return occurrence >= 2 && (occurrence <= SAMPLED_DENSELY || (occurrence & (occurrence - 1)) === 0);
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
