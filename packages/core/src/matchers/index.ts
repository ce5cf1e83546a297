/** The runner-agnostic matchers, with no side effects: `expect.extend(perfgateMatchers)`. */
import { toHaveNoNPlusOne } from './to-have-no-n-plus-one.js';
import { toIssueAtMost } from './to-issue-at-most.js';
import { toIssueConstantQueries } from './to-issue-constant-queries.js';
import { toIssueExactly } from './to-issue-exactly.js';

export { toHaveNoNPlusOne, toIssueAtMost, toIssueConstantQueries, toIssueExactly };
export type { NPlusOneOptions } from './to-have-no-n-plus-one.js';
export type { ConstantQueriesOptions } from './to-issue-constant-queries.js';
export type { MatcherContext, MatcherResult } from './matcher-context.js';
export type { QueryBudgetOptions } from './query-budget-matcher.js';
export type { PerfgateMatchers } from './perfgate-matchers.js';

export const perfgateMatchers = { toIssueAtMost, toIssueExactly, toHaveNoNPlusOne, toIssueConstantQueries } as const;
