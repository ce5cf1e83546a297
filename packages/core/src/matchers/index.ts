/** The runner-agnostic matchers, with no side effects: `expect.extend(perfgateMatchers)`. */
import { toIssueAtMost } from './to-issue-at-most.js';
import { toIssueExactly } from './to-issue-exactly.js';

export { toIssueAtMost, toIssueExactly };
export type { MatcherContext, MatcherResult } from './matcher-context.js';
export type { QueryBudgetOptions } from './query-budget-matcher.js';
export type { PerfgateMatchers } from './perfgate-matchers.js';

export const perfgateMatchers = { toIssueAtMost, toIssueExactly } as const;
