/**
 * @perfgate/core: what a user's specs and apps call. Driver adapters import
 * `@perfgate/core/adapter`; the runner packages `@perfgate/core/runner`.
 */
export { PerfgateError, type PerfgateErrorCode } from './errors.js';

export { Scope, isScope, type ScopeKind } from './scope/scope.js';
export { currentScope } from './scope/run-in-scope.js';
export { recordQueries, runInNewScope, type RecordQueriesOptions } from './scope/record-queries.js';
export { isScopeResult, toScopeResult, type ScopeResult } from './scope/scope-result.js';
export { takeScopes } from './scope/scope-registry.js';
export { formatTraceparent, newSpanId, newTraceId, parseTraceparent, type TraceContext } from './scope/trace-context.js';

export { instrumentHttpServers } from './http/http-scope.js';
export { perfgateMiddleware } from './http/middleware.js';
export { perfgateFastify, type FastifyInstanceLike } from './http/fastify-plugin.js';
export { perfgateKoa, type KoaContextLike } from './http/koa-middleware.js';
export { requestScopeOf } from './http/request-scope.js';

export type { Instrumentation } from './patch/instrumentation.js';
export type { QueryRecord } from './record/query-record.js';

export { fingerprintSql, type SqlFingerprint, type StatementKind } from './sql/fingerprint-sql.js';
export type { SqlDialect } from './sql/scan-sql.js';

export { tallyQueries, type QueryFilter, type QueryTally, type ShapeCount } from './analysis/query-budget.js';
export { findRepeatedStatements, isPagination, rowLimit, DEFAULT_N_PLUS_ONE_THRESHOLD, type DuplicatesMode, type RepeatAnalysis, type RepeatFinding } from './analysis/n-plus-one.js';
export { analyseGrowth, type GrowthAnalysis, type ShapeGrowth } from './analysis/query-growth.js';
export type { CallSite } from './record/call-site.js';

export {
  perfgateMatchers,
  toAllocateAtMost,
  toHaveNoNPlusOne,
  toIssueAtMost,
  toIssueConstantQueries,
  toIssueExactly,
  toMatchAllocationBaseline,
  type AllocationBaselineOptions,
  type ConstantQueriesOptions,
  type MatcherContext,
  type MatcherResult,
  type MeasureOptions,
  type NPlusOneOptions,
  type PerfgateMatchers,
  type QueryBudgetOptions,
} from './matchers/index.js';

export { definePerfgateConfig } from './options/define-perfgate-config.js';
export type { AdapterName, PerfgateOptions, ResolvedPerfgateOptions } from './options/perfgate-options.js';
export type { AllocationDefaults } from './options/allocation-options.js';
export type { LatencyDefaults } from './options/latency-options.js';
export { ALLOWLIST_FILE, type AllowEntry, type Allowlist, type SitedEntry, type UnknownSiteEntry } from './allowlist/allowlist.js';
export type { NPlusOneMode } from './session/n-plus-one-gate.js';

export {
  measureAllocations,
  ALLOCATION_SAMPLES,
  ALLOCATION_SAMPLE_BYTES,
  ALLOCATION_SAMPLE_MAX_MS,
  ALLOCATION_SAMPLE_MS,
  ALLOCATION_WARMUP_MAX_MS,
  ALLOCATION_WARMUP_MIN_MS,
  type AllocationMeasurement,
  type AllocationOptions,
} from './allocations/measure-allocations.js';
export { parseByteSize, formatBytes, BYTE_UNITS, type ByteSize, type ByteUnit } from './allocations/byte-size.js';
export { attributeAllocations, type Attribution } from './allocations/attribute-allocations.js';
export { bench, formatBenchTable, OPTIMISED_OUT_RATIO, type BenchOptions, type BenchResult } from './bench/bench.js';
