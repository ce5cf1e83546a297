/**
 * @perfgate/core/runner: the wiring the vitest plugin and the jest preset
 * share. A runner package translates its events and flags into these
 * sessions and nothing more.
 */
export { getRuntime, shared, DEFAULT_MAX_QUERIES_PER_SCOPE, DEFAULT_MAX_REMEMBERED_TRACES, type LayerQuery, type PerfgateRuntime, type RuntimeSettings, type TestTracking } from './runtime.js';
export { PerfgateError, ERROR_MESSAGES, type PerfgateErrorCode } from './errors.js';
export { createScope, runInScope, type OpenScopeOptions } from './scope/run-in-scope.js';
export { openRequestScope } from './http/request-scope.js';
export { instrumentHttpServers } from './http/http-scope.js';
export type { Instrumentation } from './patch/instrumentation.js';
export { computeFingerprint, FINGERPRINT_CACHE_SIZE } from './sql/fingerprint-sql.js';
export { scanSql, type SqlToken, type SqlTokenType } from './sql/scan-sql.js';
export { formatFailure, type FailureReport, type FailureSection } from './message/format-failure.js';
export { findingLines, fixHint } from './message/repeat-findings.js';

export { applyRuntimeOptions, optionError, resolvePerfgateOptions, unknownAdapter, type AdapterName, type PerfgateOptions, type ResolvedPerfgateOptions } from './options/perfgate-options.js';
export { ALLOCATION_REPORT_DIR, type AllocationDefaults, type ResolvedAllocationDefaults } from './options/allocation-options.js';
export type { LatencyDefaults, ResolvedLatencyDefaults } from './options/latency-options.js';
export { CONFIG_FILES, loadPerfgateConfigFile, type ConfigFileAccess, type ConfigFileOptions } from './options/load-config-file.js';
export { isCI } from './options/is-ci.js';

export { ALLOWLIST_FILE, EMPTY_ALLOWLIST, allowEntryOf, allowKey, isUnknownSite, parseAllowlist, readAllowlist, serializeAllowlist, type AllowEntry, type Allowlist } from './allowlist/allowlist.js';
export { finishAllowlistRun, type AllowlistUpdate, type AllowlistUpdateOptions } from './allowlist/allowlist-update.js';
export { allowlistPathFor, packageDirOf } from './allowlist/allowlist-path.js';
export { AllowlistIndex } from './allowlist/allowlist-match.js';

export { compareWithBaseline, DEFAULT_ALLOCATION_FLOOR_BYTES, DEFAULT_ALLOCATION_TOLERANCE, type AllocationChange } from './analysis/allocation-change.js';
export { BASELINE_DIR, BASELINE_FILE_VERSION, BASELINE_METRICS, baselinePathFor, findBaseline, parseBaselines, readBaselines, serializeBaselines, withBaselines, type Baseline, type BaselineFile, type BaselineMetric, type BaselineRecord } from './baselines/baseline-file.js';
export { BaselineSession, type AllocationVerdict, type BaselineEntry, type BaselineReport, type LatencyVerdict } from './baselines/baseline-session.js';
export { finishBaselineRun, type BaselineUpdate, type BaselineUpdateOptions } from './baselines/baseline-update.js';
export { runtimeKey } from './allocations/runtime-key.js';

export { checkScopes, exemptFromGate, formatGateFailure, type GateResult, type NPlusOneMode, type ScopeFinding } from './session/n-plus-one-gate.js';
export { GateSession, type GateReport, type GateSessionOptions, type TestVerdict } from './session/gate-session.js';
export { measuredGateSettings, startMeasuredGates, type AllocationSettings, type LatencySettings, type MeasuredGateSettings, type MeasuredGatesOptions } from './session/measured-gates.js';
export { loadWorkerReports, saveWorkerReport } from './session/worker-reports.js';
export { isPartialRun, partialRunReasons, type RunCoverage } from './session/run-coverage.js';
export { commandWithUpdateLast, neverWrittenUnder, resolveUpdateMode, type UpdateMode, type UpdateRequest } from './session/update-mode.js';
export { REPORT_KINDS, RunSession, type RunOutcome, type RunSessionOptions, type WorkerGateReport } from './session/run-session.js';
export { TestSession, type TestOutcome } from './session/test-session.js';
export type { PerfgateReport, TestReport } from './report/report-model.js';
export { WorkerSession, withoutPerfgateStack, type TestEnd, type WorkerRun, type WorkerStart } from './session/worker-session.js';
export { currentTestState, endTestState, registerScope, runInTestState, startTestState, TestState, type TestIdentity } from './session/test-state.js';
export { formatUnawaited, UnawaitedAssertions, type UnawaitedAssertion } from './session/unawaited-assertions.js';
export { outsideScopeNote } from './session/outside-scopes.js';
