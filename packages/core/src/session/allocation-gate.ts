import { resolve } from 'node:path';
import { attributeAllocations } from '../allocations/attribute-allocations.js';
import { measureAllocations } from '../allocations/measure-allocations.js';
import { runtimeKey } from '../allocations/runtime-key.js';
import { ALLOCATION_REPORT_DIR, type ResolvedAllocationDefaults } from '../options/perfgate-options.js';
import { DEFAULT_ALLOCATION_FLOOR_BYTES, DEFAULT_ALLOCATION_TOLERANCE } from '../analysis/allocation-change.js';
import { getRuntime } from '../runtime.js';
import { BaselineSession } from '../baselines/baseline-session.js';

/** What the allocation matchers need from the runner, shared by every copy of core in the process. */
export interface AllocationSettings {
  /** The project root: paths in messages are shown relative to it. */
  readonly root: string;
  /** Absolute folder where failing gates save heap profiles. */
  readonly reportDir: string;
  readonly tolerance: number;
  readonly floorBytes: number;
  /** V8 coverage is being recorded (vitest/jest with the v8 provider, NODE_V8_COVERAGE): attribution must not deoptimise. */
  readonly coverage: boolean;
  /** `vitest -u`, `jest -u`: for messages. */
  readonly updateCommand: string;
  /** `vitest run`, `jest`: how to run the suite outside CI, for messages. */
  readonly runCommand: string;
  /** Undefined outside a runner wired by perfgate: baselines cannot be kept then. */
  readonly baselines: BaselineSession | undefined;
  /** The measuring and attributing functions; tests replace them to pin messages. */
  readonly measure: typeof measureAllocations;
  readonly attribute: typeof attributeAllocations;
}

function defaults(): AllocationSettings {
  const root = process.cwd();
  return {
    root,
    reportDir: resolve(root, ALLOCATION_REPORT_DIR),
    tolerance: DEFAULT_ALLOCATION_TOLERANCE,
    floorBytes: DEFAULT_ALLOCATION_FLOOR_BYTES,
    coverage: process.env.NODE_V8_COVERAGE !== undefined,
    updateCommand: 'the update flag (-u)',
    runCommand: 'the tests',
    baselines: undefined,
    measure: measureAllocations,
    attribute: attributeAllocations,
  };
}

/** The settings the runner installed, or the defaults (no baselines) when none did. */
export function allocationSettings(): AllocationSettings {
  return getRuntime().allocations ?? defaults();
}

/** Replaces some settings; returns the undo. */
export function setAllocationSettings(changes: Partial<AllocationSettings>): () => void {
  const runtime = getRuntime();
  const previous = runtime.allocations;
  runtime.allocations = { ...allocationSettings(), ...changes };
  return () => {
    runtime.allocations = previous;
  };
}

export interface AllocationGateOptions {
  readonly root: string;
  readonly options: ResolvedAllocationDefaults;
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
 * Wires the allocation gates in a test worker, the same way for every
 * runner; returns the session whose report the runner hands to its main
 * process, and the undo.
 */
export function startAllocationGate(gate: AllocationGateOptions): { readonly baselines: BaselineSession; readonly stop: () => void } {
  const baselines = new BaselineSession({ update: gate.update && !gate.ci, ci: gate.ci, writable: gate.writable, runtime: runtimeKey() });
  const stop = setAllocationSettings({
    root: gate.root,
    reportDir: resolve(gate.root, gate.options.reports),
    tolerance: gate.options.tolerance,
    floorBytes: gate.options.floorBytes,
    coverage: gate.coverage || process.env.NODE_V8_COVERAGE !== undefined,
    updateCommand: gate.updateCommand,
    runCommand: gate.runCommand,
    baselines,
  });
  return { baselines, stop };
}
