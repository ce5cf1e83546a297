import http from 'node:http';
import { perfgateError } from '../errors.js';
import { requirePeer } from '../options/require-peer.js';
import { exemptFromGate } from '../session/n-plus-one-gate.js';
import { takeScopes } from '../scope/scope-registry.js';
import type { Scope } from '../scope/scope.js';
import { formatTraceparent, newSpanId, newTraceId } from '../scope/trace-context.js';
import type { LoadTarget } from './serve-target.js';

/** How hard and how long: `connections`, and either `duration` or `requests`. */
export interface LoadShape {
  readonly connections: number;
  readonly durationMs?: number | undefined;
  readonly requests?: number | undefined;
  /** The default connection count was cut to `requests`, which is smaller. */
  readonly defaultConnectionsCut?: boolean;
}

/** The bounds every load run stays within, whatever it is asked: it stops by itself. */
export const MAX_LOAD_DURATION_MS = 30_000;
export const MAX_LOAD_REQUESTS = 100_000;
export const MAX_CONNECTIONS = 256;
/** Seconds autocannon waits for one response before counting a timeout. */
export const REQUEST_TIMEOUT_S = 10;

export interface LoadResult {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly requests: number;
  /** Connection errors and timeouts, plus responses with status 5xx. */
  readonly errors: number;
  readonly errorRate: number;
  readonly elapsedMs: number;
  /** The trace-id every request of the run carried: the join key to its request scopes. */
  readonly traceId: string;
  /** The request scopes the run opened (empty when the app's requests are not scoped). */
  readonly scopes: readonly Scope[];
}

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { total: number };
  errors: number;
  timeouts: number;
  '5xx'?: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

function loadAutocannon(where: string, root: string): Autocannon {
  const autocannon = requirePeer<Autocannon>('autocannon', root);
  if (autocannon === undefined) throw perfgateError('AUTOCANNON_MISSING', [where, root]);
  return autocannon;
}

/** One request before the load: an app that cannot answer it fails with its own error, not a wall of 500s. */
async function warmUp(where: string, target: LoadTarget): Promise<void> {
  const status = await new Promise<number>((resolve, reject) => {
    // A trace-id of its own, exempt from the N+1 gate: the load matcher reports the run's queries itself.
    const traceId = newTraceId();
    exemptFromGate(traceId);
    const headers = { ...target.headers, traceparent: formatTraceparent(traceId) };
    const req = http.request(target.url, { method: target.method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.setTimeout(REQUEST_TIMEOUT_S * 1000, () => req.destroy(new Error(`no response in ${REQUEST_TIMEOUT_S} s`)));
    req.end(target.body);
  }).catch((error: unknown) => {
    throw perfgateError('LOAD_TARGET_FAILED', [where, `${target.name} did not answer`, error]);
  });
  if (status >= 500) {
    const thrown = target.thrown();
    throw perfgateError('LOAD_TARGET_FAILED', [where, `${target.name} answered ${status} before any load`, thrown ?? 'no error reached perfgate (the app answered 5xx itself)']);
  }
}

/**
 * Drives `target` with autocannon over loopback, every request carrying one
 * `traceparent` trace-id, and returns the latency percentiles (ms), the
 * errors, and the request scopes the run opened (for queries per request).
 */
export async function runLoad(where: string, target: LoadTarget, shape: LoadShape, root = process.cwd()): Promise<LoadResult> {
  const autocannon = loadAutocannon(where, root);
  await warmUp(where, target);
  const traceId = newTraceId();
  exemptFromGate(traceId); // the load matcher reports the run's queries itself
  const started = performance.now();
  const result = await autocannon({
    url: target.url,
    method: target.method,
    headers: { ...target.headers, traceparent: formatTraceparent(traceId, newSpanId()) },
    body: target.body,
    connections: shape.connections,
    ...(shape.requests !== undefined ? { amount: shape.requests } : { duration: (shape.durationMs ?? 0) / 1000 }),
    timeout: REQUEST_TIMEOUT_S,
  });
  const elapsedMs = performance.now() - started;
  const serverErrors = Object.entries(result.statusCodeStats ?? {}).reduce((n, [code, { count }]) => n + (code.startsWith('5') ? count : 0), 0);
  const errors = result.errors + serverErrors;
  const requests = result.requests.total;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests,
    errors,
    errorRate: requests === 0 ? 1 : errors / requests,
    elapsedMs,
    traceId,
    scopes: takeScopes(traceId),
  };
}
