import { analyseGrowth, type ShapeGrowth } from '../analysis/query-growth.js';
import { describe, perfgateError } from '../errors.js';
import { exemptFromGate } from '../session/n-plus-one-gate.js';
import { clipShapes } from '../message/clip-shape.js';
import { formatFailure, plural } from '../message/format-failure.js';
import { formatCallSite } from '../record/call-site.js';
import { recordQueryCheck } from '../report/record-figures.js';
import type { ScopeResult } from '../scope/scope-result.js';
import { checkOptions, isFunction } from './check-options.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { rejectBadInput } from './reject-bad-input.js';
import { runFunction } from './resolve-received.js';

export interface ConstantQueriesOptions {
  /** Seeds the data for scale `n` (n orders, say). Awaited before each run. */
  readonly populate: (n: number) => unknown;
  /** Data sizes to compare, at least two different ones. Default `[2, 5]`. */
  readonly scales?: readonly number[];
  /** Undoes `populate(n)` after the run at scale `n`. */
  readonly cleanup?: (n: number) => unknown;
}

export const DEFAULT_SCALES: readonly number[] = [2, 5];

const CHECKS = {
  populate: isFunction,
  cleanup: isFunction,
  scales: (value: unknown) =>
    Array.isArray(value) && value.every((n) => Number.isInteger(n) && n >= 0) && new Set(value).size >= 2
      ? undefined
      : 'must list at least two different data sizes (whole numbers, 0 or more), like [2, 5]',
};

const MATCHER = 'toIssueConstantQueries';

async function step<T>(what: string, run: () => T): Promise<Awaited<T>> {
  try {
    return await run();
  } catch (error) {
    throw perfgateError('HOOK_FAILED', [MATCHER, what, error], undefined, error);
  }
}

function countsLine({ counts }: ShapeGrowth, clipped: string, scales: readonly number[]): string {
  return `${clipped}: ${counts.map((c, i) => `${c} at n=${scales[i]}`).join(', ')}`;
}

function growthLines(growth: ShapeGrowth, clipped: string, scales: readonly number[], largest: ScopeResult | undefined): string[] {
  const { shape } = growth;
  const line = countsLine(growth, clipped, scales);
  // The line that issued it, from a sampled stack of the largest run.
  const site = largest?.queries.find((q) => q.shape === shape && q.callSites.length > 0)?.callSites[0];
  return site === undefined ? [line] : [line, `  from ${formatCallSite(site)}`];
}

/**
 * Runs the work at several data sizes and fails when any statement's count
 * grows with the data: the signature of a loop of queries.
 *
 * @example
 * await expect(() => request(app).get('/orders')).toIssueConstantQueries({ populate: (n) => seedOrders(db, n), cleanup: () => clearOrders(db) });
 */
export function toIssueConstantQueries(this: MatcherContext, received: unknown, options: ConstantQueriesOptions): Promise<MatcherResult> {
  return rejectBadInput(() => {
    if (options === undefined) {
      throw perfgateError('INVALID_OPTIONS', [MATCHER, 'needs { populate: (n) => … } to seed the data for each scale.'], toIssueConstantQueries);
    }
    const { populate, cleanup, scales: given = DEFAULT_SCALES } = checkOptions<ConstantQueriesOptions>(MATCHER, options, CHECKS, toIssueConstantQueries);
    if (populate === undefined) throw perfgateError('INVALID_OPTIONS', [MATCHER, 'needs { populate: (n) => … } to seed the data for each scale.'], toIssueConstantQueries);
    if (typeof received !== 'function') {
      throw perfgateError('INVALID_OPTIONS', [MATCHER, `expect() must receive a function that does the work, like () => request(app).get('/orders'); received ${describe(received)}.`], toIssueConstantQueries);
    }
    const scales = [...new Set(given)].sort((a, b) => a - b);
    const context = this;
    const work = received as (n: number) => unknown;

    const run = async (): Promise<MatcherResult> => {
      const results: ScopeResult[] = [];
      for (const n of scales) {
        await step(`populate(${n})`, () => populate(n));
        let failure: { error: unknown } | undefined;
        try {
          const result = await runFunction(MATCHER, work as (...args: unknown[]) => unknown, n);
          exemptFromGate(result);
          results.push(result);
        } catch (error) {
          failure = { error };
        }
        // Cleaned up even when the work threw, so the next spec starts from clean tables; the work's error wins.
        if (cleanup !== undefined) {
          await step(`cleanup(${n})`, () => cleanup(n)).catch((error: unknown) => {
            failure ??= { error };
          });
        }
        if (failure !== undefined) throw failure.error;
      }
      const growth = analyseGrowth(scales, results);
      // Its budget is the smallest scale's count: the largest must not exceed it.
      recordQueryCheck(results, { matcher: MATCHER, expected: growth.totals[0] ?? 0, actual: growth.totals.at(-1) ?? 0, pass: (growth.grew.length === 0) !== (context.isNot === true), negated: context.isNot === true });
      const sizes = scales.join(', ');
      // One message: its shapes are clipped together, so two that differ late never print alike.
      const all = [...growth.grew, ...growth.constant];
      const shapes = clipShapes(all.map((g) => g.shape), 120);
      const clipped = new Map(all.map((g, i) => [g, shapes[i]!]));
      return {
        pass: growth.grew.length === 0,
        message: () =>
          formatFailure({
            hint: context.utils.matcherHint(MATCHER, 'received', '', { isNot: context.isNot, promise: context.promise }),
            rows: [
              ['Expected', context.isNot ? `a statement that runs more often as the data grows (n = ${sizes})` : `the same number of each statement at n = ${sizes}`],
              [
                'Received',
                growth.grew.length > 0
                  ? `${plural(growth.grew.length, 'statement shape', 'statement shapes')} grew with n (${growth.totals.join(' → ')} queries in all)`
                  : `every statement constant (${plural(growth.totals[0] ?? 0, 'query', 'queries')} at each scale)`,
              ],
              [results[0]?.kind === 'request' ? 'Request' : 'Function', results[0]?.name ?? ''],
            ],
            sections: [
              { title: 'Grew with n', lines: growth.grew.flatMap((g) => growthLines(g, clipped.get(g)!, scales, results.at(-1))) },
              {
                title: 'Did not grow',
                lines: growth.constant.map((g) => (g.counts.every((c) => c === g.counts[0]) ? `${g.counts[0]} × ${clipped.get(g)}` : countsLine(g, clipped.get(g)!, scales))),
              },
              { title: 'Trace-ids', lines: results.map((r, i) => `n=${scales[i]}: ${r.traceId}`) },
            ],
          }),
      };
    };
    return run();
  });
}
