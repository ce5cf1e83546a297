export { getRuntime, DEFAULT_MAX_QUERIES_PER_SCOPE, DEFAULT_MAX_REMEMBERED_TRACES, type LayerQuery, type PerfgateRuntime, type RuntimeSettings } from './runtime.js';
export { PerfgateError, ERROR_MESSAGES, perfgateInvalidTarget, type PerfgateErrorCode } from './errors.js';

export { Scope, isScope, type ScopeKind } from './scope/scope.js';
export { createScope, currentScope, runInScope, type OpenScopeOptions } from './scope/run-in-scope.js';
export { recordQueries, runInNewScope, type RecordQueriesOptions } from './scope/record-queries.js';
export { isScopeResult, toScopeResult, type ScopeResult } from './scope/scope-result.js';
export { takeScopes } from './scope/scope-registry.js';
export { formatTraceparent, newSpanId, newTraceId, parseTraceparent, type TraceContext } from './scope/trace-context.js';

export { instrumentHttpServers } from './http/http-scope.js';
export { perfgateMiddleware } from './http/middleware.js';
export { perfgateFastify, type FastifyInstanceLike } from './http/fastify-plugin.js';
export { perfgateKoa, type KoaContextLike } from './http/koa-middleware.js';
export { openRequestScope, requestScopeOf } from './http/request-scope.js';

export { patchMethod, isPatched } from './patch/patch-method.js';
export { acquireInstrumentation, type Instrumentation } from './patch/instrumentation.js';

export { QueryRecord, type QueryInput } from './record/query-record.js';
export { callRecorded, finishQuery, runAsOuterLayer, samplesCallSite, startQuery } from './record/recorder.js';

export { fingerprintSql, computeFingerprint, FINGERPRINT_CACHE_SIZE, type SqlFingerprint, type StatementKind } from './sql/fingerprint-sql.js';
export { scanSql, type SqlDialect, type SqlToken, type SqlTokenType } from './sql/scan-sql.js';

export { tallyQueries, type QueryFilter, type QueryTally, type ShapeCount } from './analysis/query-budget.js';
export { formatFailure, type FailureReport, type FailureSection } from './message/format-failure.js';

export {
  perfgateMatchers,
  toHaveNoNPlusOne,
  toIssueAtMost,
  toIssueConstantQueries,
  toIssueExactly,
  type ConstantQueriesOptions,
  type MatcherContext,
  type MatcherResult,
  type NPlusOneOptions,
  type PerfgateMatchers,
  type QueryBudgetOptions,
} from './matchers/index.js';
export { findRepeatedStatements, isPagination, rowLimit, DEFAULT_N_PLUS_ONE_THRESHOLD, type DuplicatesMode, type RepeatAnalysis, type RepeatFinding } from './analysis/n-plus-one.js';
export { analyseGrowth, type GrowthAnalysis, type ShapeGrowth } from './analysis/query-growth.js';
export { captureStack, formatCallSite, markInternalPath, userFrames, type CallSite, type CapturedStack } from './record/call-site.js';
export { findingLines, fixHint } from './message/repeat-findings.js';
export { ADAPTER_NAMES, applyRuntimeOptions, optionError, resolvePerfgateOptions, type AdapterName, type PerfgateOptions, type ResolvedPerfgateOptions } from './options/perfgate-options.js';
export { CONFIG_FILES, loadPerfgateConfigFile, type ConfigFileAccess, type ConfigFileOptions } from './options/load-config-file.js';
export { definePerfgateConfig } from './options/define-perfgate-config.js';
export { ALLOWLIST_FILE, EMPTY_ALLOWLIST, allowEntryOf, allowKey, isUnknownSite, parseAllowlist, readAllowlist, serializeAllowlist, type AllowEntry, type Allowlist, type SitedEntry, type UnknownSiteEntry } from './gate/allowlist.js';
export { checkScopes, drainTrackedScopes, exemptFromGate, formatGateFailure, startScopeTracking, type GateResult, type NPlusOneMode, type ScopeFinding } from './gate/n-plus-one-gate.js';
export { GateSession, type GateReport, type GateSessionOptions, type TestVerdict } from './gate/gate-session.js';
export { finishAllowlistRun, type AllowlistUpdate, type AllowlistUpdateOptions } from './gate/allowlist-update.js';
export { allowlistPathFor, packageDirOf } from './gate/allowlist-path.js';
export { AllowlistIndex } from './gate/allowlist-match.js';
export { isCI } from './options/is-ci.js';
// Runner wiring shared by the vitest plugin and the jest preset (issue 12 moves it to @perfgate/core/runner).
export { isPartialRun, partialRunReasons, type RunCoverage } from './session/run-coverage.js';
export { commandWithUpdateLast, neverWrittenUnder, resolveUpdateMode, type UpdateMode, type UpdateRequest } from './session/update-mode.js';
export { REPORT_KINDS, RunSession, type RunOutcome, type RunSessionOptions, type WorkerGateReport } from './session/run-session.js';
export { TestSession, type TestOutcome } from './session/test-session.js';
export { formatUnawaited, UnawaitedAssertions, type UnawaitedAssertion } from './session/unawaited-assertions.js';
export { outsideScopeNote } from './session/outside-scopes.js';

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
export { runtimeKey } from './allocations/runtime-key.js';
export { bench, formatBenchTable, OPTIMISED_OUT_RATIO, type BenchOptions, type BenchResult } from './bench/bench.js';
export { compareWithBaseline, DEFAULT_ALLOCATION_FLOOR_BYTES, DEFAULT_ALLOCATION_TOLERANCE, type AllocationChange } from './analysis/allocation-change.js';
export { BASELINE_DIR, baselinePathFor, parseBaselines, readBaselines, serializeBaselines, type BaselineFile } from './gate/allocation-baselines.js';
export { BaselineSession, type BaselineEntry, type BaselineReport, type BaselineVerdict } from './gate/baseline-session.js';
export { finishBaselineRun, type BaselineUpdate, type BaselineUpdateOptions } from './gate/baseline-update.js';
export { allocationSettings, startAllocationGate, type AllocationGateOptions, type AllocationSettings } from './gate/allocation-gate.js';
export { loadWorkerReports, saveWorkerReport } from './gate/worker-reports.js';
export { toAllocateAtMost, toMatchAllocationBaseline, type AllocationBaselineOptions, type MeasureOptions } from './matchers/index.js';
export { ALLOCATION_REPORT_DIR, type AllocationDefaults, type ResolvedAllocationDefaults } from './options/perfgate-options.js';
