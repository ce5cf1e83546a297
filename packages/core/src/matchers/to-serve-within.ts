import { formatDuration } from '../load/duration.js';
import { resolveLatencyBudget, type LatencyBudget, type ResolvedLatencyBudget } from '../load/load-budget.js';
import { loadRow, queriesRow, querySections } from '../load/load-message.js';
import { queriesPerRequest } from '../load/queries-per-request.js';
import { runLoad, type LoadResult } from '../load/run-load.js';
import { startTarget, type LoadRequest } from '../load/serve-target.js';
import { formatFailure } from '../message/format-failure.js';
import { checkOptions } from './check-options.js';
import { recordLoadCheck } from '../report/record-figures.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';

/** Options of the load matchers: which request to repeat when the received value is an app, and on which port. */
export interface LoadTargetOptions {
  /** Default `GET /`. Ignored when a supertest request is received: it says what to send. */
  readonly request?: LoadRequest;
  /** The loopback port to serve an app on, 1 to 65535. Default 0 (any free port). */
  readonly port?: number;
}

const isPort = (value: unknown): string | undefined =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65_535 ? undefined : 'must be a whole number from 1 to 65535 (or 0: any free port)';

const MATCHER = 'toServeWithin';

export const TARGET_OPTION_CHECKS = {
  request: (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : "must be an object like { method: 'GET', path: '/orders' }"),
  port: isPort,
};

const percent = (share: number): string => `${(share * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;

function verdicts(budget: ResolvedLatencyBudget, result: LoadResult): string[] {
  const over: string[] = [];
  if (result.p99 > budget.p99) over.push(`p99 ${formatDuration(result.p99 - budget.p99)} over`);
  if (budget.p50 !== undefined && result.p50 > budget.p50) over.push(`p50 ${formatDuration(result.p50 - budget.p50)} over`);
  if (result.errorRate > budget.errorRate) over.push(`errors ${percent(result.errorRate)} > ${percent(budget.errorRate)}`);
  return over;
}

function expectedRow(budget: ResolvedLatencyBudget, isNot: boolean): string {
  const parts = [`p99 ≤ ${formatDuration(budget.p99)}`, ...(budget.p50 === undefined ? [] : [`p50 ≤ ${formatDuration(budget.p50)}`]), `errors ≤ ${percent(budget.errorRate)}`];
  return `${isNot ? 'not ' : ''}${parts.join(', ')}`;
}

/**
 * Serves the received app on a loopback port (or takes a supertest request's
 * server), drives it with autocannon, and passes when p99 (and p50, and the
 * error rate) stay within the budget. The run is bounded (30 s, 100,000
 * requests) and stops by itself; the message also says how many queries
 * each request sent, so a latency regression caused by an N+1 says so.
 *
 * @example
 * await expect(app).toServeWithin({ p99: '50 ms', connections: 10, requests: 1000 }, { request: { path: '/orders' } });
 */
export async function toServeWithin(this: MatcherContext, received: unknown, budget: LatencyBudget, options?: LoadTargetOptions): Promise<MatcherResult> {
  const resolved = resolveLatencyBudget(MATCHER, budget, toServeWithin);
  const checked = checkOptions<LoadTargetOptions>(MATCHER, options, TARGET_OPTION_CHECKS, toServeWithin, "{ request: { path: '/orders' } }");
  const target = await startTarget(MATCHER, received, checked.request, checked.port);
  let result: LoadResult;
  try {
    result = await runLoad(MATCHER, target, resolved.shape);
  } finally {
    await target.close();
  }
  const over = verdicts(resolved, result);
  const queries = queriesPerRequest(result.scopes);
  const negated = this.isNot === true;
  recordLoadCheck({ name: target.name, requests: result.requests, p50Ms: result.p50, p99Ms: result.p99, budgetP99Ms: resolved.p99, ...(queries !== undefined && { queriesPerRequest: queries.mean }), pass: over.length === 0 !== negated });
  const received_ = `p99 ${formatDuration(result.p99)}, p50 ${formatDuration(result.p50)}, max ${formatDuration(result.max)}, ${result.errors} errors (${percent(result.errorRate)})`;
  return {
    pass: over.length === 0,
    message: () =>
      formatFailure({
        hint: this.utils.matcherHint(MATCHER, 'app', 'budget', { isNot: this.isNot, promise: this.promise }),
        rows: [
          ['Expected', expectedRow(resolved, this.isNot === true)],
          ['Received', this.isNot === true || over.length === 0 ? received_ : `${received_}: ${over.join(', ')}`],
          ['Load', loadRow(target.name, resolved.shape, result)],
          ['Queries', queriesRow(queries)],
          ['Trace-id', result.traceId],
        ],
        sections: querySections(queries),
      }),
  };
}
