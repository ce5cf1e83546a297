import type { QueryRecord } from '../record/query-record.js';
import type { Scope, ScopeKind } from './scope.js';

const SCOPE_RESULT_BRAND = Symbol.for('perfgate.scope-result');

/** What a matcher reads: the queries of one unit of work, after it ran. */
export interface ScopeResult<T = unknown> {
  readonly [SCOPE_RESULT_BRAND]: true;
  readonly kind: ScopeKind;
  readonly traceId: string;
  /** `GET /orders`, or the function's name. */
  readonly name: string;
  readonly method: string | undefined;
  readonly path: string | undefined;
  /** Every query, including those past the record limit. */
  readonly count: number;
  /** Recorded queries in the order they were issued (at most the record limit). */
  readonly queries: readonly QueryRecord[];
  /** SQL text → count for queries past the record limit. */
  readonly overflow: ReadonlyMap<string, number> | undefined;
  /** The function's return value, or the HTTP response. */
  readonly value: T;
}

/** The scopes each result was made of: the gate exempts those, not every scope of the trace. */
const scopesByResult = new WeakMap<object, readonly Scope[]>();

export function scopesOfResult(result: ScopeResult): readonly Scope[] | undefined {
  return scopesByResult.get(result);
}

/**
 * Freezes one or more scopes into a result. Several scopes share a trace-id
 * when a request is redirected or retried with the same `traceparent`.
 */
export function toScopeResult<T>(scopes: readonly Scope[], value: T): ScopeResult<T> {
  const first = scopes[0];
  if (first === undefined) throw new TypeError('toScopeResult needs at least one scope');
  let overflow: Map<string, number> | undefined;
  for (const scope of scopes) {
    for (const [sql, n] of scope.overflow ?? []) (overflow ??= new Map()).set(sql, (overflow.get(sql) ?? 0) + n);
  }
  const result = Object.freeze({
    [SCOPE_RESULT_BRAND]: true as const,
    kind: first.kind,
    traceId: first.traceId,
    name: scopes.length === 1 ? first.name : `${first.name} (+${scopes.length - 1} more with this trace-id)`,
    method: first.method,
    path: first.path,
    count: scopes.reduce((sum, s) => sum + s.count, 0),
    queries: scopes.length === 1 ? [...first.queries] : scopes.flatMap((s) => s.queries).sort((a, b) => a.startedAt - b.startedAt),
    overflow,
    value,
  });
  scopesByResult.set(result, scopes);
  return result;
}

export function isScopeResult(value: unknown): value is ScopeResult {
  return typeof value === 'object' && value !== null && (value as { [SCOPE_RESULT_BRAND]?: unknown })[SCOPE_RESULT_BRAND] === true;
}
