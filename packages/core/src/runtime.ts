import { AsyncLocalStorage } from 'node:async_hooks';
import type { MeasuredGateSettings } from './session/measured-gates.js';
import type { Scope } from './scope/scope.js';
import type { TestState } from './session/test-state.js';

/**
 * State that every copy of @perfgate/core in the process must share.
 *
 * Bundlers, vitest's module graph (which inlines workspace packages) and a
 * CommonJS + ESM pair can each load this package more than once. Drivers are
 * patched once per process, so the patch, the scope storage and the scope
 * registry live on `globalThis` under a versioned `Symbol.for` key.
 */
export interface PerfgateRuntime {
  readonly version: 1;
  readonly storage: AsyncLocalStorage<Scope>;
  /** The query an outer layer (pg's Pool.query, an ORM) recorded, which the driver call it makes must not record again. */
  readonly layer: AsyncLocalStorage<LayerQuery>;
  /** Whether any outer layer has run yet: until then the recorder skips reading `layer`. */
  layersInUse: boolean;
  /** Finished and running scopes by trace-id, oldest first (bounded). */
  readonly scopesByTraceId: Map<string, Scope[]>;
  readonly settings: RuntimeSettings;
  /** The tests running in this worker: their state is theirs (session/test-state.ts), only the way to it is shared. */
  readonly tests: TestTracking;
  /** What the runner set up for the measured gates (allocations, latency); undefined until it does. */
  measuredGates?: MeasuredGateSettings | undefined;
}

/**
 * How code finds the test it runs for. Each test's state lives in its own
 * `TestState`; concurrent tests are told apart by `storage`, which the runner
 * opens around each test body.
 */
export interface TestTracking {
  readonly storage: AsyncLocalStorage<TestState>;
  /** The test the runner's beforeEach started last: for code outside every test's async context (a server's request handler). */
  current: TestState | undefined;
  /** Running tests that created a scope: while none did, a query with no scope costs the recorder one check. */
  scoped: number;
}

/** A query recorded by an outer layer; `claimed` once a driver call under it was seen (and not counted again). */
export interface LayerQuery {
  claimed: boolean;
}

export interface RuntimeSettings {
  /** Records kept per scope; queries past it are still counted. */
  maxQueriesPerScope: number;
  /** Trace-ids remembered for matchers that look a request scope up after the response. */
  maxRememberedTraces: number;
  /** Capture stacks of repeated statements, to name the line of an N+1. */
  callSites: boolean;
  /** Give the 2nd run of every statement a stack, not only exact repeats: for an N+1 threshold of 2. */
  sampleSecondRun: boolean;
}

export const DEFAULT_MAX_QUERIES_PER_SCOPE = 10_000;
export const DEFAULT_MAX_REMEMBERED_TRACES = 1_000;

/**
 * The one value under `perfgate.<key>` on `globalThis`, created by `init` by
 * whichever copy of core asks first. Non-enumerable: invisible to the user's
 * code. Bump the key's version when the value's shape changes incompatibly.
 */
export function shared<T>(key: string, init: () => T): T {
  const symbol = Symbol.for(`perfgate.${key}`);
  const holder = globalThis as Record<symbol, unknown>;
  if (!(symbol in holder)) Object.defineProperty(holder, symbol, { value: init(), enumerable: false });
  return holder[symbol] as T;
}

function newRuntime(): PerfgateRuntime {
  return {
    version: 1,
    storage: new AsyncLocalStorage<Scope>(),
    layer: new AsyncLocalStorage<LayerQuery>(),
    layersInUse: false,
    scopesByTraceId: new Map(),
    settings: {
      maxQueriesPerScope: DEFAULT_MAX_QUERIES_PER_SCOPE,
      maxRememberedTraces: DEFAULT_MAX_REMEMBERED_TRACES,
      callSites: true,
      sampleSecondRun: false,
    },
    tests: newTestTracking(),
  };
}

function newTestTracking(): TestTracking {
  return { storage: new AsyncLocalStorage<TestState>(), current: undefined, scoped: 0 };
}

/** This copy's handle on the shared runtime: the recorder reads it on every query. */
let cached: PerfgateRuntime | undefined;

export function getRuntime(): PerfgateRuntime {
  if (cached !== undefined) return cached;
  const runtime = shared('runtime.v1', newRuntime);
  // A copy of an older 0.x core may have created the runtime before these fields existed.
  (runtime as { layer?: AsyncLocalStorage<LayerQuery> }).layer ??= new AsyncLocalStorage<LayerQuery>();
  (runtime as { tests?: TestTracking }).tests ??= newTestTracking();
  return (cached = runtime);
}
