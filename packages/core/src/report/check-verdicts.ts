import type { BudgetFigure, FindingFigure, ScopeFigure, TestReport } from './report-model.js';

/**
 * The N+1 matcher records a budget figure too (0 expected, its findings
 * counted), but its verdict is on the scope's N+1s: it counts in the N+1
 * gate, beside the scopes the gate judged, not among the query budgets.
 */
export const N_PLUS_ONE_MATCHER = 'toHaveNoNPlusOne';

const judges = (scope: ScopeFigure): string[] => scope.judgedBy?.split(', ') ?? [];

/** A query budget (`toIssueAtMost`, `toIssueConstantQueries`, …), not the N+1 matcher. */
export function isQueryBudget(budget: BudgetFigure): boolean {
  return budget.matcher !== N_PLUS_ONE_MATCHER;
}

/** A scope checked for N+1s: by the gate (no matcher judged it) or by `toHaveNoNPlusOne`. */
export function isNPlusOneChecked(scope: ScopeFigure): boolean {
  return scope.judgedBy === undefined || judges(scope).includes(N_PLUS_ONE_MATCHER);
}

/**
 * The N+1s a test failed or warned on in one of its scopes: the gate's that
 * no allowlist entry covers, and those of a `toHaveNoNPlusOne` that failed.
 * A passing `.not.toHaveNoNPlusOne()` asserted its N+1: none is at fault.
 */
export function nPlusOnesAtFault(test: TestReport, scope: ScopeFigure): FindingFigure[] {
  const found = scope.findings.filter((f) => f.type === 'n-plus-one' && !f.allowlisted);
  if (found.length === 0 || scope.judgedBy === undefined) return found;
  const failedMatcher = test.budgets.some((b) => b.matcher === N_PLUS_ONE_MATCHER && !b.pass && b.traceId === scope.traceId);
  return failedMatcher && judges(scope).includes(N_PLUS_ONE_MATCHER) ? found : [];
}
