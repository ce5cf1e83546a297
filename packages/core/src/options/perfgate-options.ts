import { bytesOf, type ByteSize } from '../allocations/byte-size.js';
import { DEFAULT_ALLOCATION_FLOOR_BYTES, DEFAULT_ALLOCATION_TOLERANCE } from '../analysis/allocation-change.js';
import { resolveBundleTable, type BundleBudgetEntry } from '../bundle/bundle-table.js';
import { describe, PerfgateError } from '../errors.js';
import { DEFAULT_N_PLUS_ONE_THRESHOLD } from '../analysis/n-plus-one.js';
import { ALLOWLIST_FILE } from '../allowlist/allowlist.js';
import type { NPlusOneMode } from '../session/n-plus-one-gate.js';
import { DEFAULT_MAX_QUERIES_PER_SCOPE, getRuntime, type RuntimeSettings } from '../runtime.js';

/** Drivers perfgate can instrument without the user writing code. */
export const ADAPTER_NAMES = ['pg', 'pglite', 'knex', 'mysql2', 'mysql'] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

/** Options of the vitest plugin and the jest preset: one schema for both runners. */
export interface PerfgateOptions {
  /**
   * Which drivers to instrument: `'auto'` (default) instruments each one the
   * project can resolve; a list names them; `[]` instruments none (call
   * `instrumentPg(pg)` and friends yourself).
   */
  adapters?: 'auto' | readonly AdapterName[];
  /** Run every request reaching a node:http server in its own scope. Default `true`. */
  http?: boolean;
  /** Query records kept per scope; queries past it are still counted. Default 10,000. */
  maxQueriesPerScope?: number;
  /**
   * Check every scope the suite creates for N+1 patterns, even where the
   * spec has no perfgate matcher: `'fail'` (default) fails the test that
   * created the scope, `'warn'` prints the finding, `'off'` skips the check.
   */
  nPlusOne?: NPlusOneMode;
  /** Different parameter sets of one statement from one call site that make an N+1 for that check. Default 3. */
  nPlusOneThreshold?: number;
  /** The allowlist of accepted N+1s: absolute, or relative to the directory of the nearest package.json above the runner's config. Default `perfgate.allow.json`. */
  allowlist?: string;
  /** Defaults of the allocation gates (`toAllocateAtMost`, `toMatchAllocationBaseline`). */
  allocations?: AllocationDefaults;
  /** Bundle budgets, one per route chunk, checked by one generated test (vitest): `[{ name, path, limit: '50 kB' }]`. */
  bundles?: readonly BundleBudgetEntry[];
}

/** The folder, at the project root, where failing allocation gates save their heap profiles. */
export const ALLOCATION_REPORT_DIR = '.perfgate';

export interface AllocationDefaults {
  /** How far a figure may rise above its baseline, as a share. Default 0.1 (10%). */
  tolerance?: number;
  /** Changes smaller than this never count, so tiny figures do not flap: bytes or a size such as '64 B'. Default 64. */
  floor?: ByteSize;
  /** Where failing allocation gates save heap profiles, relative to the project root. Default `.perfgate`. */
  reports?: string;
}

export interface ResolvedAllocationDefaults {
  readonly tolerance: number;
  readonly floorBytes: number;
  readonly reports: string;
}

export interface ResolvedPerfgateOptions {
  readonly adapters: 'auto' | readonly AdapterName[];
  readonly http: boolean;
  readonly maxQueriesPerScope: number;
  readonly nPlusOne: NPlusOneMode;
  readonly nPlusOneThreshold: number;
  readonly allowlist: string;
  readonly allocations: ResolvedAllocationDefaults;
  readonly bundles: readonly BundleBudgetEntry[];
}

const OPTION_NAMES = ['adapters', 'http', 'maxQueriesPerScope', 'nPlusOne', 'nPlusOneThreshold', 'allowlist', 'allocations', 'bundles'] as const;
const ALLOCATION_OPTION_NAMES = ['tolerance', 'floor', 'reports'] as const;
const N_PLUS_ONE_MODES: readonly NPlusOneMode[] = ['fail', 'warn', 'off'];

/** The one shape of every options error, from any source: `perfgate options (<where>): <detail>`. */
export function optionError(where: string, detail: string): PerfgateError {
  return new PerfgateError('INVALID_OPTIONS', `perfgate options (${where}): ${detail}`);
}

/**
 * Validates user options once for every runner. `where` names the place the
 * options came from (`perfgate() in vitest.config.ts`), so the error points at it.
 */
export function resolvePerfgateOptions(input: unknown, where: string): ResolvedPerfgateOptions {
  if (input === undefined) input = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw optionError(where, `expected an object; received ${describe(input)}.`);
  }
  const unknown = Object.keys(input).filter((key) => !(OPTION_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw optionError(where, `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; the options are ${OPTION_NAMES.map((k) => `"${k}"`).join(', ')}.`);
  }
  const {
    adapters = 'auto',
    http = true,
    maxQueriesPerScope = DEFAULT_MAX_QUERIES_PER_SCOPE,
    nPlusOne = 'fail',
    nPlusOneThreshold = DEFAULT_N_PLUS_ONE_THRESHOLD,
    allowlist = ALLOWLIST_FILE,
    allocations,
    bundles,
  } = input as PerfgateOptions;
  if (adapters !== 'auto') {
    if (!Array.isArray(adapters)) throw optionError(where, `"adapters" must be 'auto' or a list such as ['pg']; received ${describe(adapters)}.`);
    const bad = adapters.find((name) => !(ADAPTER_NAMES as readonly unknown[]).includes(name));
    if (bad !== undefined) throw optionError(where, `"adapters" lists ${describe(bad)}; the adapters are ${ADAPTER_NAMES.map((n) => `'${n}'`).join(', ')}.`);
  }
  if (typeof http !== 'boolean') throw optionError(where, `"http" must be true or false; received ${describe(http)}.`);
  if (!Number.isInteger(maxQueriesPerScope) || maxQueriesPerScope < 1) {
    throw optionError(where, `"maxQueriesPerScope" must be a whole number, 1 or more; received ${describe(maxQueriesPerScope)}.`);
  }
  if (!N_PLUS_ONE_MODES.includes(nPlusOne)) {
    throw optionError(where, `"nPlusOne" must be one of ${N_PLUS_ONE_MODES.map((m) => `'${m}'`).join(', ')}; received ${describe(nPlusOne)}.`);
  }
  if (!Number.isInteger(nPlusOneThreshold) || nPlusOneThreshold < 2) {
    throw optionError(where, `"nPlusOneThreshold" must be a whole number, 2 or more; received ${describe(nPlusOneThreshold)}.`);
  }
  if (typeof allowlist !== 'string' || allowlist === '') {
    throw optionError(where, `"allowlist" must be a file path (relative paths start at the project root); received ${describe(allowlist)}.`);
  }
  return {
    adapters: adapters === 'auto' ? 'auto' : [...adapters],
    http,
    maxQueriesPerScope,
    nPlusOne,
    nPlusOneThreshold,
    allowlist,
    allocations: resolveAllocationOptions(allocations, where),
    bundles: resolveBundleTable(bundles, (detail) => optionError(where, detail)),
  };
}

function resolveAllocationOptions(input: unknown, where: string): ResolvedAllocationDefaults {
  if (input === undefined) input = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw optionError(where, `"allocations" must be an object such as { tolerance: 0.1, floor: '64 B' }; received ${describe(input)}.`);
  }
  const unknown = Object.keys(input).filter((key) => !(ALLOCATION_OPTION_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw optionError(where, `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"allocations.${k}"`).join(', ')}; the allocation options are ${ALLOCATION_OPTION_NAMES.map((k) => `"${k}"`).join(', ')}.`);
  }
  const { tolerance = DEFAULT_ALLOCATION_TOLERANCE, floor = DEFAULT_ALLOCATION_FLOOR_BYTES, reports = ALLOCATION_REPORT_DIR } = input as AllocationDefaults;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw optionError(where, `"allocations.tolerance" must be a share, 0 or more (0.1 is 10%); received ${describe(tolerance)}.`);
  }
  const floorBytes = bytesOf(floor);
  if (floorBytes === undefined) throw optionError(where, `"allocations.floor" must be a number of bytes or a size such as '64 B'; received ${describe(floor)}.`);
  if (typeof reports !== 'string' || reports === '') {
    throw optionError(where, `"allocations.reports" must be a folder path (relative paths start at the project root); received ${describe(reports)}.`);
  }
  return { tolerance, floorBytes, reports };
}

/** Applies the options that tune the recorder, the same way under every runner. */
export function applyRuntimeOptions(options: ResolvedPerfgateOptions, settings: RuntimeSettings = getRuntime().settings): void {
  settings.maxQueriesPerScope = options.maxQueriesPerScope;
  // A loop of two runs is an N+1 at threshold 2: its second run needs a stack to name the line.
  settings.sampleSecondRun = options.nPlusOneThreshold <= 2;
}
