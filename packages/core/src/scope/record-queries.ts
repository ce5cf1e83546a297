import { createScope, runInScope } from './run-in-scope.js';
import { toScopeResult, type ScopeResult } from './scope-result.js';

export interface RecordQueriesOptions {
  /** Shown in messages; defaults to the function's name. */
  readonly name?: string | undefined;
  /** Defaults to a new random trace-id. */
  readonly traceId?: string | undefined;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Runs `fn` in a new function scope. Returns the result synchronously when
 * `fn` is synchronous, otherwise a promise of it; the scope closes when `fn`
 * returns or its promise settles. Errors from `fn` pass through unchanged.
 */
export function runInNewScope<T>(fn: () => T, options: RecordQueriesOptions = {}): ScopeResult<Awaited<T>> | Promise<ScopeResult<Awaited<T>>> {
  const scope = createScope({ kind: 'function', name: options.name ?? (fn.name || 'anonymous function'), traceId: options.traceId });
  let value: T;
  try {
    value = runInScope(scope, fn);
  } catch (error) {
    scope.close();
    throw error;
  }
  if (!isThenable(value)) {
    scope.close();
    return toScopeResult([scope], value as Awaited<T>);
  }
  // Adopted inside the scope: a lazy thenable (a knex builder, a PrismaPromise)
  // sends its query only when `then` is called, in the context that calls it.
  return runInScope(scope, () => Promise.resolve(value)).then(
    (resolved) => {
      scope.close();
      return toScopeResult([scope], resolved as Awaited<T>);
    },
    (error: unknown) => {
      scope.close();
      throw error;
    },
  );
}

/**
 * Runs `fn` in its own scope and resolves with what it recorded, for
 * `expect(result).toIssueAtMost(n)` or your own analysis.
 *
 * @example
 * const result = await recordQueries(() => repo.listOrders());
 * expect(result).toIssueAtMost(2);
 * expect(result.value).toHaveLength(3);
 */
export async function recordQueries<T>(fn: () => T, options?: RecordQueriesOptions): Promise<ScopeResult<Awaited<T>>> {
  return runInNewScope(fn, options);
}
