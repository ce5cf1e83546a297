import { getRuntime } from '../runtime.js';
import type { Scope } from './scope.js';

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
  while (scopesByTraceId.size > settings.maxRememberedTraces) {
    const oldest = scopesByTraceId.keys().next().value as string;
    scopesByTraceId.delete(oldest);
  }
}

/** Removes and returns every scope recorded under `traceId`, oldest first. */
export function takeScopes(traceId: string): Scope[] {
  const { scopesByTraceId } = getRuntime();
  const scopes = scopesByTraceId.get(traceId) ?? [];
  scopesByTraceId.delete(traceId);
  return scopes;
}
