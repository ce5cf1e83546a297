import { foldAlike, type Folded } from '../message/fold-requests.js';
import { isQueryBudget, nPlusOnesAtFault } from './check-verdicts.js';
import { formatBytes } from '../allocations/byte-size.js';
import { formatDuration } from '../load/duration.js';
import type { BaselineFigure, FindingFigure, ScopeFigure, SourceLine, TestReport } from './report-model.js';

/** Requests the summaries list as the heaviest. */
export const HEAVIEST_SHOWN = 5;

/** `src/orders.ts:12:7 (listOrders)`. */
export function formatSourceLine(site: SourceLine | undefined): string {
  if (site === undefined) return 'site unknown';
  return `${site.file}:${site.line}${site.column === undefined ? '' : `:${site.column}`}${site.function ? ` (${site.function})` : ''}`;
}

/** A baseline figure's value as its matcher says it. */
export function formatBaselineValue(b: Pick<BaselineFigure, 'metric'>, value: number): string {
  return b.metric === 'latency' ? `p99 median ${formatDuration(value)}` : `${formatBytes(value)} per call`;
}

/** Scopes whose N+1s at fault are the same (statement shape and loop line; the counts may differ), folded into one. */
export interface FaultGroup extends Folded<ScopeFigure> {
  /** The group's N+1s, as its first scope found them. */
  readonly findings: readonly FindingFigure[];
  /** Per finding, how many times each scope of the group ran it. */
  readonly counts: readonly (readonly number[])[];
}

/** A test's scopes with N+1s at fault, requests with the same findings folded into one group. */
export function foldedFindings(test: TestReport): FaultGroup[] {
  const faulty = test.scopes.map((scope) => ({ scope, findings: nPlusOnesAtFault(test, scope) })).filter((s) => s.findings.length > 0);
  const key = ({ findings }: (typeof faulty)[number]) => JSON.stringify(findings.map((f) => [f.shape, f.callSite?.file, f.callSite?.line]));
  return foldAlike(faulty, key).map(({ first, all }) => ({
    first: first.scope,
    all: all.map((s) => s.scope),
    findings: first.findings,
    counts: first.findings.map((_, i) => all.map((s) => s.findings[i]!.count)),
  }));
}

/** `4 ×`, or `4–6 ×` when folded requests ran the loop a different number of times. */
export function countRange(group: FaultGroup, index: number): string {
  const counts = group.counts[index] ?? [];
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return low === high ? `${low.toLocaleString('en-US')} ×` : `${low.toLocaleString('en-US')}–${high.toLocaleString('en-US')} ×`;
}

/** A test perfgate has something to say about: a failed or warned check, or an N+1 at fault (an update run passes those). */
export function needsBlock(test: TestReport): boolean {
  return (
    test.perfgate !== 'pass' ||
    test.scopes.some((s) => nPlusOnesAtFault(test, s).length > 0) ||
    test.budgets.some((b) => !b.pass && isQueryBudget(b)) ||
    test.allocations.some((a) => !a.pass) ||
    test.bundles.some((b) => !b.pass) ||
    test.loads.some((l) => !l.pass)
  );
}

export interface HeavyScope {
  readonly scope: ScopeFigure;
  readonly test: TestReport;
}

/** The scopes that ran the most queries, most first. */
export function heaviestScopes(tests: readonly TestReport[], shown = HEAVIEST_SHOWN): HeavyScope[] {
  return tests
    .flatMap((test) => test.scopes.filter((scope) => scope.queryCount > 0).map((scope) => ({ scope, test })))
    .sort((a, b) => b.scope.queryCount - a.scope.queryCount)
    .slice(0, shown);
}
