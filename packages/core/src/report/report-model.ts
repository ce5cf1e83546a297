/**
 * The run's figures as data: one model that every output (terminal summary,
 * report.json, report.html, GitHub annotations, vitest's task.meta, jest's
 * test results) is a view of. JSON-serialisable throughout; versioned; the
 * schema is `schema/report.schema.json` in this package. Paths are relative
 * to `root` with `/` separators, so shards from different machines merge.
 * No query parameter value appears anywhere unless the user opted in.
 */

import type { AllowEntry } from '../allowlist/allowlist.js';

export const REPORT_VERSION = 1;

export type GateName = 'queries' | 'n-plus-one' | 'allocations' | 'bundles' | 'latency';

/** A user's source line (a call site or a loop), relative to the report's root. */
export interface SourceLine {
  readonly file: string;
  readonly line: number;
  readonly column?: number | undefined;
  /** The enclosing function, when known: `TagsService.findOrCreateOneByOne`. */
  readonly function?: string | undefined;
}

export interface ShapeFigure {
  readonly shape: string;
  readonly count: number;
  readonly callSite?: SourceLine | undefined;
}

/** One statement as the waterfall draws it: milliseconds from the scope's start. */
export interface QueryFigure {
  readonly shape: string;
  readonly startMs: number;
  readonly durationMs?: number | undefined;
  readonly failed?: boolean | undefined;
  readonly source: string;
  readonly label?: string | undefined;
  readonly callSite?: SourceLine | undefined;
}

export interface FindingFigure {
  readonly type: 'n-plus-one' | 'duplicate';
  readonly shape: string;
  readonly count: number;
  readonly callSite?: SourceLine | undefined;
  /** The user frames above the loop, outermost last (`via`). */
  readonly via?: readonly SourceLine[] | undefined;
  readonly fixHint?: string | undefined;
  /** Covered by an allowlist entry (known debt): reported, not failed. */
  readonly allowlisted: boolean;
  /** For an N+1: the different parameter sets the loop ran with (never the values themselves). */
  readonly distinctParameters?: number | undefined;
  /** Of `count`, the runs past the scope's record limit (counted by SQL text, without call site). */
  readonly pastRecordLimit?: number | undefined;
  /** The ORM operation that sent it, when its adapter says (`Order.findMany`). */
  readonly label?: string | undefined;
  /** For an N+1: the single select that ran just before the loop (the "1"). */
  readonly before?: string | undefined;
}

/** One request or function scope a test created. */
export interface ScopeFigure {
  readonly traceId: string;
  readonly spanId?: string | undefined;
  readonly kind: 'request' | 'function';
  /** `GET /orders` or the function's name. */
  readonly name: string;
  readonly method?: string | undefined;
  readonly path?: string | undefined;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly durationMs?: number | undefined;
  readonly queryCount: number;
  readonly shapes: readonly ShapeFigure[];
  /** The first queries (bounded: `queriesOmitted` says how many more ran). */
  readonly queries: readonly QueryFigure[];
  readonly queriesOmitted: number;
  readonly findings: readonly FindingFigure[];
  /** The matcher that judged this scope (the N+1 gate then leaves it to the matcher). */
  readonly judgedBy?: string | undefined;
}

/** A query-count matcher's check: `toIssueAtMost(3)` and the like. */
export interface BudgetFigure {
  readonly matcher: string;
  readonly traceId?: string | undefined;
  /** The judged scope's name: `GET /orders` or the function's. */
  readonly name?: string | undefined;
  /** What was counted when the matcher filtered (`select queries matching "orders"`). */
  readonly filter?: string | undefined;
  /** Asserted with `.not`: `pass` is the assertion's verdict as written. */
  readonly negated?: boolean | undefined;
  readonly expected: number;
  readonly actual: number;
  readonly pass: boolean;
  /** Where the judged scope's most frequent statement came from: the code to change when over budget, not the spec line. */
  readonly callSite?: SourceLine | undefined;
}

export interface AllocationFigure {
  readonly name: string;
  readonly bytesPerOp: number;
  readonly budgetBytes?: number | undefined;
  readonly baselineBytes?: number | undefined;
  readonly pass: boolean;
  readonly topAllocators?: readonly { readonly name: string; readonly bytes: number; readonly site?: SourceLine | undefined }[] | undefined;
}

export interface BundleFigure {
  readonly name: string;
  readonly bytes: number;
  readonly compression: string;
  readonly budgetBytes?: number | undefined;
  readonly pass: boolean;
  readonly modules?: readonly { readonly path: string; readonly bytes: number }[] | undefined;
}

export interface LoadFigure {
  readonly name: string;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly budgetP99Ms?: number | undefined;
  readonly baselineP99Ms?: number | undefined;
  readonly queriesPerRequest?: number | undefined;
  readonly pass: boolean;
}

/** What perfgate saw in one test, whether its checks passed or failed. */
export interface TestFigures {
  readonly scopes: ScopeFigure[];
  readonly budgets: BudgetFigure[];
  readonly allocations: AllocationFigure[];
  readonly bundles: BundleFigure[];
  readonly loads: LoadFigure[];
  /** Queries no scope saw while one of the test's scopes was open. */
  outsideScopes: number;
}

export function emptyTestFigures(): TestFigures {
  return { scopes: [], budgets: [], allocations: [], bundles: [], loads: [], outsideScopes: 0 };
}

export interface TestReport extends TestFigures {
  /** The runner's own id when it has one, else `file > full name`. */
  readonly id: string;
  readonly file: string;
  /** Describe blocks and the test's name, joined with ` > `. */
  readonly name: string;
  /** perfgate's verdict on the test: a gate failed it, warned, or it passed every perfgate check. */
  readonly perfgate: 'pass' | 'warn' | 'fail';
}

export interface GateSummary {
  readonly gate: GateName;
  readonly checked: number;
  readonly failed: number;
  readonly allowlisted: number;
}

export interface AllowlistFigure {
  /** The allowlist's path relative to the root. */
  readonly path: string;
  /** Entries a finding still needed. */
  readonly matched: readonly AllowEntry[];
  /** Findings no entry covered (what the update flag would add). */
  readonly unlisted: readonly AllowEntry[];
  /** Entries this run wrote (update flag, never under CI). */
  readonly added: readonly AllowEntry[];
  /** Entries no finding needed; only a run over the whole suite finds any (a shard or filter leaves this empty). */
  readonly stale: readonly AllowEntry[];
}

/** A baseline figure the run wrote or found improved (`toMatchAllocationBaseline`, `toMatchLatencyBaseline`). */
export interface BaselineFigure {
  /** The baseline file, relative to the root. */
  readonly file: string;
  readonly test: string;
  /** The runtime (allocations) or machine (latency) the figure belongs to. */
  readonly runtime: string;
  readonly metric: 'allocation' | 'latency';
  /** Bytes per call, or the median p99 in ms. */
  readonly value: number;
  readonly baseline?: number | undefined;
  /**
   * `missing`: no baseline, and the run could not write one (CI); `regressed`: beyond the tolerance without the
   * update flag. Both failed their test, and say what `perfgate merge --update` writes for a sharded CI run.
   */
  readonly change: 'new' | 'updated' | 'improved' | 'missing' | 'regressed';
  /** A latency figure's measured p99 per round, and queries per request: writing a latency baseline needs them, not only their median. */
  readonly rounds?: readonly number[] | undefined;
  readonly queriesPerRequest?: number | undefined;
  /** The run wrote it to the file (never under CI; an improvement is only reported). */
  readonly written: boolean;
}

export interface PerfgateReport {
  readonly version: typeof REPORT_VERSION;
  readonly tool: { readonly name: 'perfgate'; readonly version: string };
  readonly runner: 'vitest' | 'jest';
  readonly root: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** `vitest --shard=k/n`, `jest --shard=k/n`; merged reports list every shard they hold. */
  readonly shards?: readonly { readonly index: number; readonly count: number }[] | undefined;
  /** Why the run saw only part of the suite (filters, shard, bail); empty when it saw all of it. */
  readonly partial: readonly string[];
  readonly gates: readonly GateSummary[];
  readonly tests: readonly TestReport[];
  readonly allowlists: readonly AllowlistFigure[];
  /** Baseline figures this run added, changed or found improved. */
  readonly baselines: readonly BaselineFigure[];
}
