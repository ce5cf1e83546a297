import { perfgateError } from '../errors.js';
import { runInNewScope } from '../scope/record-queries.js';
import { claimTraceparent, releaseTraceparent, takeScopes } from '../scope/scope-registry.js';
import { isScopeResult, toScopeResult, type ScopeResult } from '../scope/scope-result.js';
import type { Scope } from '../scope/scope.js';
import { formatTraceparent, newSpanId, newTraceId, parseTraceparent } from '../scope/trace-context.js';

/** An unsent supertest (superagent) request: thenable, with `set`, `method` and `url`. */
export interface SupertestLike extends PromiseLike<unknown> {
  readonly method: string;
  readonly url: string;
  set(field: string, value: string): unknown;
  readonly header?: Record<string, unknown>;
}

/**
 * An unsent `fastify.inject()` chain (light-my-request): `app.inject().get('/orders')`.
 * It sends itself on the next tick, so the matcher adds its header synchronously.
 */
export interface InjectChainLike extends PromiseLike<unknown> {
  readonly option: { readonly method?: string; readonly url?: unknown; readonly headers?: Record<string, unknown> };
  headers(headers: Record<string, unknown>): unknown;
  end(...args: unknown[]): unknown;
}

/** A request a matcher sends itself, whatever client built it. */
interface PendingRequest {
  readonly description: string;
  header(name: string): string | undefined;
  setHeader(name: string, value: string): void;
  readonly response: PromiseLike<unknown>;
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

export function isInjectChainLike(value: unknown): value is InjectChainLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof InjectChainLike, unknown>>;
  return (
    typeof candidate.then === 'function' &&
    typeof candidate.headers === 'function' &&
    typeof candidate.end === 'function' &&
    typeof candidate.option === 'object' &&
    candidate.option !== null
  );
}

/** The path of a URL without its query string, which can carry personal data. */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url, 'http://localhost');
    return parsed.pathname + (parsed.search ? '?…' : '');
  } catch {
    return url;
  }
}

/** `GET /orders` from a request's method and absolute URL, query string elided. */
export function describeRequest(request: SupertestLike): string {
  return `${request.method.toUpperCase()} ${pathOf(request.url)}`;
}

function findHeader(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}

function supertestRequest(request: SupertestLike): PendingRequest {
  return {
    description: describeRequest(request),
    header: (name) => findHeader(request.header, name),
    setHeader: (name, value) => void request.set(name, value),
    response: request,
  };
}

function injectRequest(chain: InjectChainLike): PendingRequest {
  const { method = 'GET', url } = chain.option;
  const target = typeof url === 'string' ? url : typeof url === 'object' && url !== null ? String((url as { pathname?: unknown }).pathname ?? '/') : '/';
  return {
    description: `${method.toUpperCase()} ${pathOf(target)}`,
    header: (name) => findHeader(chain.option.headers, name),
    setHeader: (name, value) => void chain.headers({ ...chain.option.headers, [name]: value }),
    response: chain,
  };
}

async function collect(matcher: string, request: PendingRequest): Promise<ScopeResult> {
  // A `traceparent` the spec set itself is kept: its trace-id and parent-id are the join key.
  const given = request.header('traceparent');
  const sent = given === undefined ? { traceId: newTraceId(), parentId: newSpanId() } : parseTraceparent(given);
  if (sent === undefined) throw perfgateError('INVALID_TRACEPARENT', [matcher, request.description, given!]);
  const { traceId, parentId } = sent;
  if (!claimTraceparent(traceId, parentId)) throw perfgateError('TRACEPARENT_IN_FLIGHT', [matcher, request.description, given!]);
  let scopes: Scope[];
  let response: unknown;
  try {
    if (given === undefined) request.setHeader('traceparent', formatTraceparent(traceId, parentId));
    response = await request.response;
    scopes = takeScopes(traceId, parentId);
  } finally {
    releaseTraceparent(traceId, parentId);
  }
  if (scopes.length === 0) throw perfgateError('NO_REQUEST_SCOPE', [matcher, request.description, traceId]);
  await Promise.all(scopes.map((scope) => scope.whenClosed(REQUEST_SCOPE_CLOSE_WAIT_MS)));
  return toScopeResult(scopes, response);
}

/** Sends an unsent supertest request or `fastify.inject()` chain and collects the server scope of its trace-id. */
export function sendAndCollect(matcher: string, request: SupertestLike | InjectChainLike): Promise<ScopeResult> {
  return collect(matcher, isSupertestLike(request) ? supertestRequest(request) : injectRequest(request));
}

const isUnsentRequest = (value: unknown): value is SupertestLike | InjectChainLike => isSupertestLike(value) || isInjectChainLike(value);

/**
 * Turns what `expect()` received into the scope to judge: sends a supertest
 * request (or `fastify.inject()` chain) and finds its server scope by trace-id, runs a function in a new
 * scope, or takes a recorded result as is. Synchronous where it can be.
 * Throws (with the stack cut at `stackFrom`) for anything else.
 */
export function resolveReceived(matcher: string, received: unknown, stackFrom: Function): ScopeResult | Promise<ScopeResult> {
  if (isScopeResult(received)) return received;
  if (isUnsentRequest(received)) return sendAndCollect(matcher, received);
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
 * request (`() => request(app).get('/orders')`) or inject() chain, that
 * request is sent and judged by its server scope, wherever the server was started.
 */
export function runFunction(matcher: string, fn: (...args: unknown[]) => unknown, ...args: unknown[]): ScopeResult | Promise<ScopeResult> {
  let request: SupertestLike | InjectChainLike | undefined;
  const result = runInNewScope(
    function work() {
      const value = fn(...args);
      if (!isUnsentRequest(value)) return value;
      request = value;
      return undefined;
    },
    { name: fn.name || 'anonymous function' },
  );
  // Sent (stamped with its traceparent) at once: an inject() chain sends itself on the next tick.
  if (request !== undefined) return sendAndCollect(matcher, request);
  return result;
}
