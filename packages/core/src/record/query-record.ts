import { userFrames, type CallSite, type CapturedStack } from './call-site.js';
import { fingerprintSql, type SqlFingerprint, type StatementKind } from '../sql/fingerprint-sql.js';
import type { SqlDialect } from '../sql/scan-sql.js';

export interface QueryInput {
  readonly sql: string;
  /**
   * Parameter values. Kept in memory for analysis only: no message prints
   * them unless the user opts in, because they hold personal data.
   */
  readonly values?: readonly unknown[] | undefined;
  /** The adapter that saw the query: `pg`, `pglite`, … */
  readonly source: string;
  readonly dialect: SqlDialect;
  /** What sent it, when an ORM knows (`Order.findMany`). */
  readonly label?: string | undefined;
  /**
   * A stack the ORM already captured at the user's call (Prisma does, for its
   * error messages), used instead of capturing one when the recorder samples
   * this query: ORMs that send queries lazily leave no user frames to capture.
   */
  readonly stack?: CapturedStack | undefined;
}

/** Where a query came from: one object per adapter (and label), shared by its records. */
interface Origin {
  readonly source: string;
  readonly dialect: SqlDialect;
  readonly label: string | undefined;
}

let lastOrigin: Origin = { source: '', dialect: 'postgres', label: undefined };
const origins = new Map<string, Origin>();
/** Distinct adapter × dialect × label triples kept; past it a record gets an origin of its own. */
export const ORIGINS = 1_000;

function originOf({ source, dialect, label }: QueryInput): Origin {
  // One driver in a row is the usual case: no lookup.
  if (lastOrigin.source === source && lastOrigin.dialect === dialect && lastOrigin.label === label) return lastOrigin;
  const key = `${source}\u0000${dialect}\u0000${label ?? ''}\u0000${label === undefined ? 0 : 1}`;
  let origin = origins.get(key);
  if (origin === undefined) {
    origin = { source, dialect, label };
    if (origins.size < ORIGINS) origins.set(key, origin);
  }
  return (lastOrigin = origin);
}

const NO_SITES: readonly CallSite[] = Object.freeze([]);
/** Call sites of the sampled stacks, parsed on first read; a record without a stack has none and keeps no field for them. */
const sitesOfStack = new WeakMap<CapturedStack, readonly CallSite[]>();

/**
 * One statement sent to the database. The shape and kind are computed on
 * first read, off the hot path, and memoised per distinct SQL text. Kept
 * small, as a scope holds up to 10,000 (docs/performance.md): the adapter,
 * dialect and label are one shared object, and times are whole microseconds
 * (small integers, where a fractional millisecond would be a boxed number).
 */
export class QueryRecord {
  readonly sql: string;
  readonly values: readonly unknown[] | undefined;
  readonly traceId: string;
  failed = false;
  /** Raw frames, for the queries the recorder sampled (repeats of a statement); see `callSites`. */
  stack: CapturedStack | undefined;
  readonly #origin: Origin;
  readonly #startedUs: number;
  /** -1 while running or when the driver does not say. */
  #durationUs = -1;
  #fingerprint: SqlFingerprint | undefined;

  constructor(input: QueryInput, traceId: string, startedAt: number) {
    this.sql = input.sql;
    this.values = input.values;
    this.traceId = traceId;
    this.#origin = originOf(input);
    this.#startedUs = Math.round(startedAt * 1000);
  }

  /** The adapter that saw the query: `pg`, `pglite`, … */
  get source(): string {
    return this.#origin.source;
  }

  get dialect(): SqlDialect {
    return this.#origin.dialect;
  }

  /** What sent it, when an ORM knows (`Order.findMany`). */
  get label(): string | undefined {
    return this.#origin.label;
  }

  /** `performance.now()` when the query was issued, to the microsecond. */
  get startedAt(): number {
    return this.#startedUs / 1000;
  }

  /** Milliseconds until the driver answered, to the microsecond; `undefined` while running or when the driver does not say. */
  get durationMs(): number | undefined {
    return this.#durationUs < 0 ? undefined : this.#durationUs / 1000;
  }

  set durationMs(ms: number | undefined) {
    this.#durationUs = ms === undefined ? -1 : Math.max(0, Math.round(ms * 1000));
  }

  get fingerprint(): SqlFingerprint {
    return (this.#fingerprint ??= fingerprintSql(this.sql, this.dialect));
  }

  get shape(): string {
    return this.fingerprint.shape;
  }

  get kind(): StatementKind {
    return this.fingerprint.kind;
  }

  /** The user's frames this query came from, innermost first; empty when no stack was sampled or none reaches user code. */
  get callSites(): readonly CallSite[] {
    const stack = this.stack;
    if (stack === undefined) return NO_SITES;
    let sites = sitesOfStack.get(stack);
    if (sites === undefined) sitesOfStack.set(stack, (sites = userFrames(stack)));
    return sites;
  }
}
