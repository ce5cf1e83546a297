import { getRuntime } from '../runtime.js';
import { Scope, type ScopeKind } from './scope.js';
import { rememberScope } from './scope-registry.js';
import { registerScope } from '../session/test-state.js';
import { newTraceId } from './trace-context.js';

export interface OpenScopeOptions {
  readonly kind: ScopeKind;
  readonly name: string;
  /** Defaults to a new random trace-id. */
  readonly traceId?: string | undefined;
  /** The parent-id of the request's `traceparent`: with the trace-id, what a matcher finds the scope by. */
  readonly parentSpanId?: string | undefined;
  readonly method?: string | undefined;
  readonly path?: string | undefined;
}

/** The scope the current async context records into, if any. */
export function currentScope(): Scope | undefined {
  return getRuntime().storage.getStore();
}

/** Creates a scope nested in the current one (if any); request scopes are remembered by trace-id. */
export function createScope(options: OpenScopeOptions): Scope {
  const runtime = getRuntime();
  const scope = new Scope({
    kind: options.kind,
    name: options.name,
    traceId: options.traceId ?? newTraceId(),
    parentSpanId: options.parentSpanId,
    method: options.method,
    path: options.path,
    parent: runtime.storage.getStore(),
    maxQueries: runtime.settings.maxQueriesPerScope,
  });
  if (scope.kind === 'request') rememberScope(scope);
  registerScope(scope);
  return scope;
}

/**
 * Runs `fn` with `scope` as the current scope. Uses `AsyncLocalStorage.run`,
 * never `enterWith`, so the scope ends with `fn`'s async context and cannot
 * leak into the caller's.
 */
export function runInScope<T>(scope: Scope, fn: () => T): T {
  return getRuntime().storage.run(scope, fn);
}
