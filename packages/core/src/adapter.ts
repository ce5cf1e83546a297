/**
 * @perfgate/core/adapter: what a driver or ORM adapter needs. Patch a
 * method once (`patchMethod`, under `acquireInstrumentation`), record each
 * query (`startQuery` … `finishQuery`, or `callRecorded`), and claim the
 * driver calls an outer layer makes (`runAsOuterLayer`). docs/adapters.md,
 * "Writing an adapter", walks through one.
 */
export { PerfgateError, perfgateInvalidTarget, type PerfgateErrorCode } from './errors.js';
export { patchMethod, isPatched } from './patch/patch-method.js';
export { acquireInstrumentation, type Instrumentation } from './patch/instrumentation.js';
export { QueryRecord, type QueryInput } from './record/query-record.js';
export { callRecorded, finishQuery, isRecording, runAsOuterLayer, samplesCallSite, startQuery } from './record/recorder.js';
export { bindToCaller } from './record/caller-context.js';
export { captureStack, formatCallSite, markInternalPath, userFrames, type CallSite, type CapturedStack } from './record/call-site.js';
export { currentScope } from './scope/run-in-scope.js';
export type { Scope } from './scope/scope.js';
export type { SqlDialect } from './sql/scan-sql.js';
