import { AsyncLocalStorage } from 'node:async_hooks';
import type { AllocationSettings } from './session/allocation-gate.js';
import type { Scope } from './scope/scope.js';
import type { OutsideScopeTally } from './session/outside-scopes.js';

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
  /** Scopes created since the runner started tracking (the N+1 gate); undefined when it is off. */
  tracked: Scope[] | undefined;
  /** Trace-ids of scopes a matcher took over, which the N+1 gate skips. */
  readonly exempt: Set<string>;
  /** Queries with no scope while one of the tracked scopes was open; undefined when not tracking. */
  outside?: OutsideScopeTally | undefined;
  /** What the runner set up for the allocation gates; undefined until it does. */
  allocations?: AllocationSettings | undefined;
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

const RUNTIME_KEY = Symbol.for('perfgate.runtime.v1');

type GlobalWithRuntime = typeof globalThis & { [RUNTIME_KEY]?: PerfgateRuntime };

export function getRuntime(): PerfgateRuntime {
  const holder = globalThis as GlobalWithRuntime;
  let runtime = holder[RUNTIME_KEY];
  if (runtime === undefined) {
    runtime = {
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
      tracked: undefined,
      exempt: new Set(),
    };
    Object.defineProperty(holder, RUNTIME_KEY, { value: runtime, enumerable: false });
  }
  // A copy of an older 0.x core may have created the runtime before these fields existed.
  (runtime as { exempt?: Set<string> }).exempt ??= new Set();
  (runtime as { layer?: AsyncLocalStorage<LayerQuery> }).layer ??= new AsyncLocalStorage<LayerQuery>();
  return runtime;
}
