import { resolve } from 'node:path';
import { attributeAllocations } from '../allocations/attribute-allocations.js';
import { measureAllocations } from '../allocations/measure-allocations.js';
import { runtimeKey } from '../allocations/runtime-key.js';
import { DEFAULT_ALLOCATION_FLOOR_BYTES, DEFAULT_ALLOCATION_TOLERANCE } from '../analysis/allocation-change.js';
import { BaselineSession } from '../baselines/baseline-session.js';
import { DEFAULT_LATENCY_FLOOR_MS, DEFAULT_LATENCY_ROUNDS, DEFAULT_LATENCY_TOLERANCE } from '../load/latency-change.js';
import { ALLOCATION_REPORT_DIR, type ResolvedAllocationDefaults } from '../options/allocation-options.js';
import type { ResolvedLatencyDefaults } from '../options/latency-options.js';
import { getRuntime } from '../runtime.js';

/** What the allocation matchers (`toAllocateAtMost`, `toMatchAllocationBaseline`) need from the runner. */
export interface AllocationSettings {
  /** Absolute folder where failing gates save heap profiles. */
  readonly reportDir: string;
  readonly tolerance: number;
  readonly floorBytes: number;
  /** V8 coverage is being recorded (vitest/jest with the v8 provider, NODE_V8_COVERAGE): attribution must not deoptimise. */
  readonly coverage: boolean;
  /** The measuring and attributing functions; tests replace them to pin messages. */
  readonly measure: typeof measureAllocations;
  readonly attribute: typeof attributeAllocations;
}

/** The defaults of `toMatchLatencyBaseline`, from the `latency` option. */
export interface LatencySettings {
  readonly tolerance: number;
  readonly floorMs: number;
  readonly rounds: number;
}

/**
 * What the measured gates (allocations, latency) need from the runner,
 * shared by every copy of core in the process: the baseline store and the
 * commands messages name are common, each gate's defaults its own.
 */
export interface MeasuredGateSettings {
  /** The project root: paths in messages are shown relative to it. */
  readonly root: string;
  /** `vitest -u`, `jest -u`: for messages. */
  readonly updateCommand: string;
  /** `vitest run`, `jest`: how to run the suite outside CI, for messages. */
  readonly runCommand: string;
  /** Undefined outside a runner wired by perfgate: baselines cannot be kept then. */
  readonly baselines: BaselineSession | undefined;
  readonly allocations: AllocationSettings;
  readonly latency: LatencySettings;
}

function defaults(): MeasuredGateSettings {
  const root = process.cwd();
  return {
    root,
    updateCommand: 'the update flag (-u)',
    runCommand: 'the tests',
    baselines: undefined,
    allocations: {
      reportDir: resolve(root, ALLOCATION_REPORT_DIR),
      tolerance: DEFAULT_ALLOCATION_TOLERANCE,
      floorBytes: DEFAULT_ALLOCATION_FLOOR_BYTES,
      coverage: process.env.NODE_V8_COVERAGE !== undefined,
      measure: measureAllocations,
      attribute: attributeAllocations,
    },
    latency: { tolerance: DEFAULT_LATENCY_TOLERANCE, floorMs: DEFAULT_LATENCY_FLOOR_MS, rounds: DEFAULT_LATENCY_ROUNDS },
  };
}

/** The settings the runner installed, or the defaults (no baselines) when none did. */
export function measuredGateSettings(): MeasuredGateSettings {
  return getRuntime().measuredGates ?? defaults();
}

export type MeasuredGateChanges = Partial<Omit<MeasuredGateSettings, 'allocations' | 'latency'>> & {
  readonly allocations?: Partial<AllocationSettings>;
  readonly latency?: Partial<LatencySettings>;
};

/** Replaces some settings; returns the undo. */
export function setMeasuredGateSettings({ allocations, latency, ...changes }: MeasuredGateChanges): () => void {
  const runtime = getRuntime();
  const previous = runtime.measuredGates;
  const current = measuredGateSettings();
  runtime.measuredGates = { ...current, ...changes, allocations: { ...current.allocations, ...allocations }, latency: { ...current.latency, ...latency } };
  return () => {
    runtime.measuredGates = previous;
  };
}

export interface MeasuredGatesOptions {
  readonly root: string;
  /** The `allocations` and `latency` options, resolved. */
  readonly options: { readonly allocations: ResolvedAllocationDefaults; readonly latency: ResolvedLatencyDefaults };
  /** The runner's update flag is on and CI is not. */
  readonly update: boolean;
  readonly ci: boolean;
  /** The runner's main process will collect this worker's report and write the baseline files. */
  readonly writable: boolean;
  readonly coverage: boolean;
  readonly updateCommand: string;
  readonly runCommand: string;
}

/**
 * Wires the measured gates in a test worker, the same way for every
 * runner; returns the baseline session whose report the runner hands to
 * its main process (worker-report kind `baselines`), and the undo.
 */
export function startMeasuredGates(gate: MeasuredGatesOptions): { readonly baselines: BaselineSession; readonly stop: () => void } {
  const baselines = new BaselineSession({ update: gate.update && !gate.ci, ci: gate.ci, writable: gate.writable, runtime: runtimeKey() });
  const { allocations, latency } = gate.options;
  const stop = setMeasuredGateSettings({
    root: gate.root,
    updateCommand: gate.updateCommand,
    runCommand: gate.runCommand,
    baselines,
    allocations: {
      reportDir: resolve(gate.root, allocations.reports),
      tolerance: allocations.tolerance,
      floorBytes: allocations.floorBytes,
      coverage: gate.coverage || process.env.NODE_V8_COVERAGE !== undefined,
    },
    latency,
  });
  return { baselines, stop };
}
