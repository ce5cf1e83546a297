import { cpus } from 'node:os';
import { runtimeKey } from '../allocations/runtime-key.js';
import { perfgateError } from '../errors.js';
import { measuredGateSettings } from '../session/measured-gates.js';
import { BaselineSession, type LatencyVerdict } from '../baselines/baseline-session.js';
import { formatDuration, parseDuration } from '../load/duration.js';
import { LATENCY_ALPHA, median, type LatencyComparison } from '../load/latency-change.js';
import { resolveLoadShape, type LoadOptions } from '../load/load-budget.js';
import { loadRow, queriesRow, querySections } from '../load/load-message.js';
import { queriesPerRequest, type QueriesPerRequest } from '../load/queries-per-request.js';
import { runLoad, type LoadResult } from '../load/run-load.js';
import { startTarget } from '../load/serve-target.js';
import { showPath } from '../message/allocation-sections.js';
import { formatFailure, type FailureSection } from '../message/format-failure.js';
import { isCI } from '../options/is-ci.js';
import { testNameOf, type TestMatcherContext } from './allocation-matcher.js';
import { checkOptions, wholeNumberFrom } from './check-options.js';
import { recordLoadCheck } from '../report/record-figures.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { TARGET_OPTION_CHECKS, type LoadTargetOptions } from './to-serve-within.js';

export interface LatencyBaselineOptions extends LoadOptions {
  /** How far the median p99 may rise, as a share. Default: the `latency.tolerance` option, 0.25. */
  readonly tolerance?: number;
  /** Rises of the median p99 under this never count. Default: the `latency.floor` option, '2 ms'. */
  readonly floor?: string;
  /** Rounds of the scenario, each a full load run: 5 to 10 (5 against 5 is the fewest that can reach p ≤ 0.01). Default: the `latency.rounds` option, 5. */
  readonly rounds?: number;
  /** Tells apart two baselines in one test. */
  readonly name?: string;
}

const MATCHER = 'toMatchLatencyBaseline';
/** Requests per round when the options give neither `requests` nor `duration`. */
export const DEFAULT_REQUESTS_PER_ROUND = 300;

const CHECKS = {
  tolerance: (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : 'must be a share, 0 or more (0.25 is 25%)'),
  floor: (value: unknown) => (typeof value === 'string' ? undefined : "must be a duration such as '2 ms'"),
  rounds: (value: unknown) => (Number.isInteger(value) && (value as number) >= 5 && (value as number) <= 10 ? undefined : 'must be a whole number from 5 to 10 (fewer rounds can never show a difference at p ≤ 0.01)'),
  name: (value: unknown) => (typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string'),
  connections: wholeNumberFrom(1),
  duration: (value: unknown) => (typeof value === 'string' ? undefined : "must be a duration such as '2 s'"),
  requests: wholeNumberFrom(1),
};

/** Latency does not travel: baselines are kept per runtime and CPU count. */
export function machineKey(): string {
  return `${runtimeKey()}-${cpus().length}cpu`;
}

const ms = (rounds: readonly number[]) => `${rounds.join(', ')} ms`;

function expectedRow(verdict: LatencyVerdict, comparison: LatencyComparison | undefined, tolerance: number, floorMs: number, shown: string, machine: string): string {
  if (comparison === undefined) return `a latency baseline for this test in ${shown} (${machine})`;
  return `p99 median ≤ ${formatDuration(comparison.limit)} (the baseline ${formatDuration(comparison.baselineMedian)} + ${(tolerance * 100).toFixed(0)}%, rises under ${formatDuration(floorMs)} ignored), unless the rounds cannot tell the runs apart (one-sided Mann–Whitney p > ${LATENCY_ALPHA})${verdict.kind === 'updated' ? '; updated' : ''}`;
}

function receivedRow(verdict: LatencyVerdict, rounds: readonly number[], comparison: LatencyComparison | undefined): string {
  const now = `p99 median ${formatDuration(median(rounds))}`;
  if (verdict.kind === 'missing') return `${now}, and no baseline: ${verdict.reason === 'ci' ? 'CI=true never writes one' : 'nothing in this run writes one'}`;
  if (comparison === undefined) return `${now} (new baseline)`;
  const change = comparison.median - comparison.baselineMedian;
  const share = comparison.baselineMedian === 0 ? '' : ` (${change >= 0 ? '+' : '−'}${Math.abs((change / comparison.baselineMedian) * 100).toFixed(0)}%)`;
  return `${now}, ${change >= 0 ? '+' : '−'}${formatDuration(Math.abs(change))}${share}; Mann–Whitney U = ${comparison.u}, p = ${comparison.p.toPrecision(2)}`;
}

function queriesChange(now: QueriesPerRequest | undefined, before: number | undefined): string {
  const row = queriesRow(now);
  return before === undefined || now === undefined || Math.round(now.mean) === Math.round(before) ? row : `${row} (baseline ${before.toLocaleString('en-US', { maximumFractionDigits: 1 })})`;
}

/**
 * Runs the received app's load scenario several rounds, and compares each
 * round's p99 with the rounds stored for this test in the spec's
 * `__perfgate__` baseline file. Fails only on a regression beyond both the
 * tolerance (and floor) and the run-to-run noise: the median p99 rose past
 * the limit and a one-sided exact Mann–Whitney U test on the rounds gives
 * p ≤ 0.01. New baselines are written at the end of the run (never under
 * CI=true); the update flag rewrites one that moved.
 *
 * @example
 * await expect(request(app).get('/orders')).toMatchLatencyBaseline({ connections: 8, requests: 300 });
 */
export async function toMatchLatencyBaseline(this: MatcherContext, received: unknown, options?: LatencyBaselineOptions, target?: LoadTargetOptions): Promise<MatcherResult> {
  const context = this as TestMatcherContext;
  if (context.isNot) throw perfgateError('INVALID_OPTIONS', [MATCHER, 'cannot be used with .not: a baseline is a figure to stay near; use .toServeWithin() for an absolute budget.'], toMatchLatencyBaseline);
  const checked = checkOptions<LatencyBaselineOptions>(MATCHER, options, CHECKS, toMatchLatencyBaseline, '{ tolerance: 0.3 }');
  const where = checkOptions<LoadTargetOptions>(MATCHER, target, TARGET_OPTION_CHECKS, toMatchLatencyBaseline, "{ request: { path: '/orders' } }");
  const shape = resolveLoadShape(MATCHER, { requests: checked.duration === undefined ? (checked.requests ?? DEFAULT_REQUESTS_PER_ROUND) : undefined, ...checked }, toMatchLatencyBaseline);
  const settings = measuredGateSettings();
  const floorMs = checked.floor === undefined ? settings.latency.floorMs : parseDuration(checked.floor, `${MATCHER}: "floor"`, toMatchLatencyBaseline);
  const tolerance = checked.tolerance ?? settings.latency.tolerance;
  const testName = testNameOf(context);
  if (context.testPath === undefined || testName === undefined) throw perfgateError('NO_TEST_FILE', [MATCHER], toMatchLatencyBaseline);
  const test = checked.name === undefined ? testName : `${testName}: ${checked.name}`;
  const machine = machineKey();
  const session = settings.baselines ?? new BaselineSession({ update: false, ci: isCI(), writable: false, runtime: runtimeKey() });

  const app = await startTarget(MATCHER, received, where.request, where.port);
  const results: LoadResult[] = [];
  try {
    for (let round = 0; round < (checked.rounds ?? settings.latency.rounds); round++) results.push(await runLoad(MATCHER, app, shape));
  } finally {
    await app.close();
  }
  const rounds = results.map((result) => result.p99);
  const queries = queriesPerRequest(results.flatMap((result) => result.scopes));
  const queriesPerRequestMean = queries === undefined ? undefined : Math.round(queries.mean * 10) / 10;
  const { verdict, file } = session.checkLatency({ specPath: context.testPath, test, machine, rounds, queriesPerRequest: queriesPerRequestMean, tolerance, floorMs });
  const comparison = 'comparison' in verdict ? verdict.comparison : undefined;
  const shown = showPath(file, settings.root);
  const last = results.at(-1)!;
  const pass = verdict.kind !== 'missing' && verdict.kind !== 'regressed';
  recordLoadCheck({
    name: test,
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    p50Ms: median(results.map((r) => r.p50)),
    p99Ms: median(rounds),
    ...(comparison !== undefined && { baselineP99Ms: comparison.baselineMedian }),
    ...(queriesPerRequestMean !== undefined && { queriesPerRequest: queriesPerRequestMean }),
    pass,
  });
  const advice: FailureSection[] =
    verdict.kind === 'regressed'
      ? [{ title: 'To accept the new figure', lines: [`run the tests with the update flag (${settings.updateCommand}) and commit ${shown}; it is never written under CI=true`] }]
      : verdict.kind === 'missing'
        ? [{ title: 'To create it', lines: [`run the suite on this machine without CI=true (${settings.runCommand}) and commit ${shown}; latency baselines are kept per machine (${machine})`] }]
        : [];
  return {
    pass,
    message: () =>
      formatFailure({
        hint: context.utils.matcherHint(MATCHER, 'app', '', { isNot: context.isNot, promise: context.promise }),
        rows: [
          ['Expected', expectedRow(verdict, comparison, tolerance, floorMs, shown, machine)],
          ['Received', receivedRow(verdict, rounds, comparison)],
          ['Rounds', `${comparison === undefined ? '' : `baseline ${ms('baseline' in verdict ? verdict.baseline.rounds : [])}; `}now ${ms(rounds)}`],
          ['Load', `${loadRow(app.name, shape, last)}, ${results.length} rounds`],
          ['Queries', queriesChange(queries, 'baseline' in verdict ? verdict.baseline.queriesPerRequest : undefined)],
          ['Baseline', `${shown} › ${JSON.stringify(test)} (${machine})`],
          ['Trace-id', last.traceId],
        ],
        sections: [...querySections(queries), ...advice],
      }),
  };
}
