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

/**
 * One statement sent to the database. The shape and kind are computed on
 * first read, off the hot path, and memoised per distinct SQL text.
 */
export class QueryRecord {
  readonly sql: string;
  readonly values: readonly unknown[] | undefined;
  readonly source: string;
  readonly dialect: SqlDialect;
  readonly label: string | undefined;
  readonly traceId: string;
  /** `performance.now()` when the query was issued. */
  readonly startedAt: number;
  /** Milliseconds until the driver answered; `undefined` while running or when the driver does not say. */
  durationMs: number | undefined;
  failed = false;
  /** Raw frames, for the queries the recorder sampled (repeats of a statement); see `callSites`. */
  stack: CapturedStack | undefined;
  #fingerprint: SqlFingerprint | undefined;
  #callSites: CallSite[] | undefined;

  constructor(input: QueryInput, traceId: string, startedAt: number) {
    this.sql = input.sql;
    this.values = input.values;
    this.source = input.source;
    this.dialect = input.dialect;
    this.label = input.label;
    this.traceId = traceId;
    this.startedAt = startedAt;
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
    return (this.#callSites ??= userFrames(this.stack));
  }
}
