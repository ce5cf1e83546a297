import { plural } from '../message/format-failure.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { runBudgetMatcher, type QueryBudgetOptions } from './query-budget-matcher.js';

/**
 * Passes when the scope issued exactly `count` queries: pins a count that
 * must not drift either way (a missing query is a bug too).
 *
 * @example
 * await expect(request(app).post('/orders').send(order)).toIssueExactly(2, { kind: 'insert' });
 */
export function toIssueExactly(this: MatcherContext, received: unknown, count: number, options?: QueryBudgetOptions): Promise<MatcherResult> {
  return runBudgetMatcher(this, 'toIssueExactly', toIssueExactly, received, count, options, (counted, expected) => ({
    pass: counted === expected,
    expected: `exactly ${plural(expected, 'query', 'queries')}`,
    expectedNot: `not exactly ${plural(expected, 'query', 'queries')}`,
    excess: counted === expected ? undefined : `${Math.abs(counted - expected)} ${counted > expected ? 'more' : 'fewer'} than expected`,
  }));
}
