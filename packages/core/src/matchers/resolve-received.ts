import { perfgateError } from '../errors.js';
import { runInNewScope } from '../scope/record-queries.js';
import { takeScopes } from '../scope/scope-registry.js';
import { isScopeResult, toScopeResult, type ScopeResult } from '../scope/scope-result.js';
import { formatTraceparent, newTraceId, parseTraceparent } from '../scope/trace-context.js';

/** An unsent supertest (superagent) request: thenable, with `set`, `method` and `url`. */
export interface SupertestLike extends PromiseLike<unknown> {
  readonly method: string;
  readonly url: string;
  set(field: string, value: string): unknown;
  readonly header?: Record<string, unknown>;
}

/** How long a matcher waits, after the response, for the server to finish the request's scope. */
export const REQUEST_SCOPE_CLOSE_WAIT_MS = 1_000;

export function isSupertestLike(value: unknown): value is SupertestLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof SupertestLike, unknown>>;
  return (
    typeof candidate.then === 'function' &&
    typeof candidate.set === 'function' &&
    typeof candidate.method === 'string' &&
    typeof candidate.url === 'string'
  );
}

/** `GET /orders` from a request's method and absolute URL, query string elided. */
export function describeRequest(request: SupertestLike): string {
  let path = request.url;
  try {
    const url = new URL(request.url);
    path = url.pathname + (url.search ? '?…' : '');
  } catch {
    // a relative URL: show it as is
  }
  return `${request.method.toUpperCase()} ${path}`;
}

function headerValue(request: SupertestLike, name: string): string | undefined {
  const headers = request.header ?? {};
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}

export async function sendAndCollect(matcher: string, request: SupertestLike): Promise<ScopeResult> {
  // A `traceparent` the spec set itself is kept: its trace-id is the join key.
  const given = headerValue(request, 'traceparent');
  const traceId = given === undefined ? newTraceId() : parseTraceparent(given)?.traceId;
  if (traceId === undefined) throw perfgateError('INVALID_TRACEPARENT', [matcher, describeRequest(request), given!]);
  if (given === undefined) request.set('traceparent', formatTraceparent(traceId));
  const response = await request;
  const scopes = takeScopes(traceId);
  if (scopes.length === 0) throw perfgateError('NO_REQUEST_SCOPE', [matcher, describeRequest(request), traceId]);
  await Promise.all(scopes.map((scope) => scope.whenClosed(REQUEST_SCOPE_CLOSE_WAIT_MS)));
  return toScopeResult(scopes, response);
}

/**
 * Turns what `expect()` received into the scope to judge: sends a supertest
 * request and finds its server scope by trace-id, runs a function in a new
 * scope, or takes a recorded result as is. Synchronous where it can be.
 * Throws (with the stack cut at `stackFrom`) for anything else.
 */
export function resolveReceived(matcher: string, received: unknown, stackFrom: Function): ScopeResult | Promise<ScopeResult> {
  if (isScopeResult(received)) return received;
  if (isSupertestLike(received)) return sendAndCollect(matcher, received);
  if (typeof received === 'function') {
    // The function's own error rejects the matcher's promise, as an async function's does; only bad input throws.
    try {
      return runFunction(matcher, received as (...args: unknown[]) => unknown);
    } catch (error) {
      return Promise.reject(error);
    }
  }
  throw perfgateError('INVALID_RECEIVED', [matcher, received], stackFrom);
}

/**
 * Runs `fn(...args)` in a new scope. When it returns an unsent supertest
 * request (`() => request(app).get('/orders')`), that request is sent and
 * judged by its server scope, wherever the server was started.
 */
export function runFunction(matcher: string, fn: (...args: unknown[]) => unknown, ...args: unknown[]): ScopeResult | Promise<ScopeResult> {
  let request: SupertestLike | undefined;
  const result = runInNewScope(
    function work() {
      const value = fn(...args);
      if (!isSupertestLike(value)) return value;
      request = value;
      return undefined;
    },
    { name: fn.name || 'anonymous function' },
  );
  if (request === undefined && !(result instanceof Promise)) return result;
  return Promise.resolve(result).then((functionResult) => (request === undefined ? functionResult : sendAndCollect(matcher, request)));
}
