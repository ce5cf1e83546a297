import { describe, perfgateError } from '../errors.js';
import { parseDuration } from './duration.js';
import { MAX_CONNECTIONS, MAX_LOAD_DURATION_MS, MAX_LOAD_REQUESTS, type LoadShape } from './run-load.js';

/** How much load, for how long: what `toServeWithin` and `toMatchLatencyBaseline` drive. */
export interface LoadOptions {
  /** Concurrent connections. Default 10, or the number of `requests` when fewer (never more connections than requests). */
  readonly connections?: number;
  /** How long to drive the app, with its unit ('3 s'); at most 30 s. Or: */
  readonly duration?: string;
  /** How many requests to send; at most 100,000. Default 500 when neither is given. */
  readonly requests?: number;
}

/** The latency budget of `toServeWithin`: durations with their unit. */
export interface LatencyBudget extends LoadOptions {
  readonly p99: string;
  readonly p50?: string;
  /** The share of requests that may fail (connection errors, timeouts, 5xx): 0.01 or '1%'. Default 0. */
  readonly errorRate?: number | string;
}

export interface ResolvedLatencyBudget {
  readonly p99: number;
  readonly p50: number | undefined;
  readonly errorRate: number;
  readonly shape: LoadShape;
}

export const DEFAULT_CONNECTIONS = 10;
export const DEFAULT_REQUESTS = 500;

const LOAD_KEYS = ['connections', 'duration', 'requests'];

export function resolveLoadShape(where: string, options: LoadOptions, stackFrom: Function): LoadShape {
  const { connections: asked, duration, requests } = options;
  const connections = asked ?? DEFAULT_CONNECTIONS;
  const fail = (detail: string) => perfgateError('INVALID_OPTIONS', [where, detail], stackFrom);
  if (!Number.isInteger(connections) || connections < 1 || connections > MAX_CONNECTIONS) {
    throw fail(`"connections" must be a whole number from 1 to ${MAX_CONNECTIONS}; received ${describe(connections)}.`);
  }
  if (duration !== undefined && requests !== undefined) throw fail('give "duration" or "requests", not both.');
  if (requests !== undefined && (!Number.isInteger(requests) || requests < 1 || requests > MAX_LOAD_REQUESTS)) {
    throw fail(`"requests" must be a whole number from 1 to ${MAX_LOAD_REQUESTS.toLocaleString('en-US')}; received ${describe(requests)}.`);
  }
  const durationMs = duration === undefined ? undefined : parseDuration(duration, `${where}: "duration"`, stackFrom);
  if (durationMs !== undefined && (durationMs < 100 || durationMs > MAX_LOAD_DURATION_MS)) {
    throw fail(`"duration" must be from 100 ms to ${MAX_LOAD_DURATION_MS / 1000} s; received ${describe(duration)}.`);
  }
  const total = durationMs === undefined ? (requests ?? DEFAULT_REQUESTS) : undefined;
  // Each connection sends at least one request: more connections than requests cannot run.
  if (total !== undefined && connections > total) {
    // Two numbers the spec wrote that cannot both hold: say so. The default alone gives way, and the Load row says it did.
    if (asked !== undefined) {
      throw fail(`"connections" (${connections}) cannot be more than "requests" (${total}): each connection sends at least one request; lower "connections" or raise "requests".`);
    }
    return { connections: total, durationMs, requests: total, defaultConnectionsCut: true };
  }
  return { connections, durationMs, requests: total };
}

function parseRate(where: string, rate: unknown, stackFrom: Function): number {
  const value = typeof rate === 'string' && /^\s*\d+(\.\d+)?\s*%\s*$/.test(rate) ? Number.parseFloat(rate) / 100 : rate;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw perfgateError('INVALID_OPTIONS', [where, `"errorRate" must be a share from 0 to 1 (0.01) or a percentage ('1%'); received ${describe(rate)}.`], stackFrom);
  }
  return value;
}

export function resolveLatencyBudget(where: string, budget: unknown, stackFrom: Function): ResolvedLatencyBudget {
  if (typeof budget !== 'object' || budget === null || Array.isArray(budget)) {
    throw perfgateError('INVALID_OPTIONS', [where, `the budget must be an object like { p99: '50 ms' }; received ${describe(budget)}.`], stackFrom);
  }
  const known = ['p99', 'p50', 'errorRate', ...LOAD_KEYS];
  const unknown = Object.keys(budget).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw perfgateError('INVALID_OPTIONS', [where, `unknown budget key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; the keys are ${known.map((k) => `"${k}"`).join(', ')}.`], stackFrom);
  }
  const { p99, p50, errorRate = 0 } = budget as LatencyBudget;
  return {
    p99: parseDuration(p99, `${where}: "p99"`, stackFrom),
    p50: p50 === undefined ? undefined : parseDuration(p50, `${where}: "p50"`, stackFrom),
    errorRate: parseRate(where, errorRate, stackFrom),
    shape: resolveLoadShape(where, budget as LoadOptions, stackFrom),
  };
}
