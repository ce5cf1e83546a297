import { resolveBundleTable, type BundleBudgetEntry } from '../bundle/bundle-table.js';
import { describe, PerfgateError } from '../errors.js';
import { DEFAULT_N_PLUS_ONE_THRESHOLD } from '../analysis/n-plus-one.js';
import { ALLOWLIST_FILE } from '../allowlist/allowlist.js';
import type { NPlusOneMode } from '../session/n-plus-one-gate.js';
import { DEFAULT_MAX_QUERIES_PER_SCOPE, getRuntime, type RuntimeSettings } from '../runtime.js';
import { resolveAllocationOptions, type AllocationDefaults, type ResolvedAllocationDefaults } from './allocation-options.js';
import { resolveLatencyOptions, type LatencyDefaults, type ResolvedLatencyDefaults } from './latency-options.js';
import { resolveReportOptions, type ReportOptions, type ResolvedReportOptions } from './report-options.js';

/**
 * A driver adapter's name, as `@perfgate/orm-adapters`' registry lists them
 * ('pg', 'knex', …). Core does not depend on that package: it checks the
 * option's shape, and the runner packages pass the registry's names in, to
 * the validator and as `PerfgateOptions<AdapterName>` to the types users see.
 */
export type AdapterName = string;

/** Options of the vitest plugin and the jest preset: one schema for both runners. `Adapter`: the registry's names. */
export interface PerfgateOptions<Adapter extends string = AdapterName> {
  /**
   * Which drivers to instrument: `'auto'` (default) instruments each one the
   * project can resolve; a list names them; `[]` instruments none (call
   * `instrumentPg(pg)` and friends yourself).
   */
  adapters?: 'auto' | readonly Adapter[];
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
  /** Defaults of the latency baseline (`toMatchLatencyBaseline`). */
  latency?: LatencyDefaults;
  /** Bundle budgets, one per route chunk, checked by one generated test (vitest): `[{ name, path, limit: '50 kB' }]`. */
  bundles?: readonly BundleBudgetEntry[];
  /** The run's outputs: terminal summary, `.perfgate/report.json`, `.perfgate/report.html`, GitHub annotations (docs/report.md). `false` turns them off. */
  report?: ReportOptions;
}

export interface ResolvedPerfgateOptions {
  readonly adapters: 'auto' | readonly AdapterName[];
  readonly http: boolean;
  readonly maxQueriesPerScope: number;
  readonly nPlusOne: NPlusOneMode;
  readonly nPlusOneThreshold: number;
  readonly allowlist: string;
  readonly allocations: ResolvedAllocationDefaults;
  readonly latency: ResolvedLatencyDefaults;
  readonly bundles: readonly BundleBudgetEntry[];
  readonly report: ResolvedReportOptions;
}

const OPTION_NAMES = ['adapters', 'http', 'maxQueriesPerScope', 'nPlusOne', 'nPlusOneThreshold', 'allowlist', 'allocations', 'latency', 'bundles', 'report'] as const;
const N_PLUS_ONE_MODES: readonly NPlusOneMode[] = ['fail', 'warn', 'off'];

/** The one shape of every options error, from any source: `perfgate options (<where>): <detail>`. */
export function optionError(where: string, detail: string): PerfgateError {
  return new PerfgateError('INVALID_OPTIONS', `perfgate options (${where}): ${detail}`);
}

/** The error for an `adapters` entry that is no adapter's name, listing the names when the runner passed them. */
export function unknownAdapter(where: string, name: unknown, adapterNames: readonly string[] | undefined): PerfgateError {
  const known = adapterNames === undefined ? "each entry is an adapter's name such as 'pg'" : `the adapters are ${adapterNames.map((n) => `'${n}'`).join(', ')}`;
  return optionError(where, `"adapters" lists ${describe(name)}; ${known}.`);
}

/**
 * Validates user options once for every runner. `where` names the place the
 * options came from (`perfgate() in vitest.config.ts`), so the error points at it.
 * `adapterNames` are the adapters the runner can load (orm-adapters'
 * registry): without them only the shape of `adapters` is checked.
 */
export function resolvePerfgateOptions(input: unknown, where: string, adapterNames?: readonly string[]): ResolvedPerfgateOptions {
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
    latency,
    bundles,
    report,
  } = input as PerfgateOptions;
  if (adapters !== 'auto') {
    if (!Array.isArray(adapters)) throw optionError(where, `"adapters" must be 'auto' or a list such as ['pg']; received ${describe(adapters)}.`);
    const bad = adapters.find((name) => typeof name !== 'string' || (adapterNames !== undefined && !adapterNames.includes(name)));
    if (bad !== undefined) throw unknownAdapter(where, bad, adapterNames);
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
    allocations: resolveAllocationOptions(allocations, (detail) => optionError(where, detail)),
    latency: resolveLatencyOptions(latency, (detail) => optionError(where, detail)),
    bundles: resolveBundleTable(bundles, (detail) => optionError(where, detail)),
    report: resolveReportOptions(report, (detail) => optionError(where, detail)),
  };
}

/** Applies the options that tune the recorder, the same way under every runner. */
export function applyRuntimeOptions(options: ResolvedPerfgateOptions, settings: RuntimeSettings = getRuntime().settings): void {
  settings.maxQueriesPerScope = options.maxQueriesPerScope;
  // A loop of two runs is an N+1 at threshold 2: its second run needs a stack to name the line.
  settings.sampleSecondRun = options.nPlusOneThreshold <= 2;
}
