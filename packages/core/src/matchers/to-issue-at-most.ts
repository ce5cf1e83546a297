import { plural } from '../message/format-failure.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { runBudgetMatcher, type QueryBudgetOptions } from './query-budget-matcher.js';

/**
 * Passes when the scope issued `budget` queries or fewer.
 *
 * @example
 * await expect(request(app).get('/orders')).toIssueAtMost(3);
 * await expect(() => repo.listOrders()).toIssueAtMost(1, { kind: 'select' });
 */
export function toIssueAtMost(this: MatcherContext, received: unknown, budget: number, options?: QueryBudgetOptions): Promise<MatcherResult> {
  return runBudgetMatcher(this, 'toIssueAtMost', toIssueAtMost, received, budget, options, (counted, max) => ({
    pass: counted <= max,
    expected: `at most ${plural(max, 'query', 'queries')}`,
    expectedNot: `more than ${plural(max, 'query', 'queries')}`,
    excess: counted > max ? `${counted - max} over budget` : undefined,
  }));
}

