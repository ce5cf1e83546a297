import { getRuntime } from '../runtime.js';
import type { Scope } from './scope.js';
import { evictOldest } from '../evict-oldest.js';

/**
 * Request scopes by trace-id, so a matcher that sent a request with a
 * `traceparent` header can find the scope the server opened for it.
 * Bounded: the oldest trace-ids are forgotten first.
 */
export function rememberScope(scope: Scope): void {
  const { scopesByTraceId, settings } = getRuntime();
  const existing = scopesByTraceId.get(scope.traceId);
  if (existing !== undefined) {
    existing.push(scope);
    return;
  }
  scopesByTraceId.set(scope.traceId, [scope]);
  while (scopesByTraceId.size > settings.maxRememberedTraces) evictOldest(scopesByTraceId);
}

/**
 * Removes and returns the scopes recorded under `traceId`, oldest first.
 * With `parentSpanId`, only those whose `traceparent` carried that parent-id:
 * requests of one trace sent by different client spans stay apart.
 */
export function takeScopes(traceId: string, parentSpanId?: string): Scope[] {
  const { scopesByTraceId } = getRuntime();
  const scopes = scopesByTraceId.get(traceId) ?? [];
  if (parentSpanId === undefined) {
    scopesByTraceId.delete(traceId);
    return scopes;
  }
  const taken = scopes.filter((scope) => scope.parentSpanId === parentSpanId);
  const left = scopes.filter((scope) => scope.parentSpanId !== parentSpanId);
  if (left.length === 0) scopesByTraceId.delete(traceId);
  else scopesByTraceId.set(traceId, left);
  return taken;
}

/**
 * `traceparent` headers a matcher has sent and not yet collected. Two
 * requests in flight with one header cannot be told apart on the server, so
 * a matcher claims the header before it sends. Matchers only: one copy of
 * core runs them in a test file, so this needs no process-wide registry.
 */
const inFlight = new Set<string>();

/** Claims a trace-id and parent-id for one request; false when another request in flight holds them. */
export function claimTraceparent(traceId: string, parentSpanId: string): boolean {
  const key = `${traceId}-${parentSpanId}`;
  if (inFlight.has(key)) return false;
  inFlight.add(key);
  return true;
}

export function releaseTraceparent(traceId: string, parentSpanId: string): void {
  inFlight.delete(`${traceId}-${parentSpanId}`);
}
