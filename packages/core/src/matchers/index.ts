/** The runner-agnostic matchers, with no side effects: `expect.extend(perfgateMatchers)`. */
import { toAllocateAtMost } from './to-allocate-at-most.js';
import { toHaveNoNPlusOne } from './to-have-no-n-plus-one.js';
import { toIssueAtMost } from './to-issue-at-most.js';
import { toIssueConstantQueries } from './to-issue-constant-queries.js';
import { toHaveBundleSizeAtMost } from './to-have-bundle-size-at-most.js';
import { toIssueExactly } from './to-issue-exactly.js';
import { toMatchAllocationBaseline } from './to-match-allocation-baseline.js';
import { toMatchLatencyBaseline } from './to-match-latency-baseline.js';
import { toServeWithin } from './to-serve-within.js';

export { toAllocateAtMost, toHaveBundleSizeAtMost, toHaveNoNPlusOne, toIssueAtMost, toIssueConstantQueries, toIssueExactly, toMatchAllocationBaseline, toMatchLatencyBaseline, toServeWithin };
export type { NPlusOneOptions } from './to-have-no-n-plus-one.js';
export type { ConstantQueriesOptions } from './to-issue-constant-queries.js';
export type { MatcherContext, MatcherResult } from './matcher-context.js';
export type { QueryBudgetOptions } from './query-budget-matcher.js';
export type { PerfgateMatchers } from './perfgate-matchers.js';
export type { MeasureOptions } from './allocation-matcher.js';
export type { AllocationBaselineOptions } from './to-match-allocation-baseline.js';
export type { ByteSize } from '../allocations/byte-size.js';
export type { BundleSizeOptions } from '../bundle/measure-bundle.js';
export type { LatencyBudget, LoadOptions } from '../load/load-budget.js';
export type { LoadRequest } from '../load/serve-target.js';
export type { LoadTargetOptions } from './to-serve-within.js';
export type { LatencyBaselineOptions } from './to-match-latency-baseline.js';

export const perfgateMatchers = { toIssueAtMost, toIssueExactly, toHaveNoNPlusOne, toIssueConstantQueries, toAllocateAtMost, toMatchAllocationBaseline, toHaveBundleSizeAtMost, toServeWithin, toMatchLatencyBaseline } as const;
