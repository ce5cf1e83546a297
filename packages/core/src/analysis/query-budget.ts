import type { QueryRecord } from '../record/query-record.js';
import type { ScopeResult } from '../scope/scope-result.js';
import { fingerprintSql, type StatementKind } from '../sql/fingerprint-sql.js';

/** Narrows what a budget counts. */
export interface QueryFilter {
  /** Count only statements of this kind (or kinds). */
  readonly kind?: StatementKind | readonly StatementKind[] | undefined;
  /** Count only statements whose SQL text contains this string (case-insensitive) or matches this RegExp. */
  readonly match?: string | RegExp | undefined;
}

export interface ShapeCount {
  readonly shape: string;
  readonly kind: StatementKind;
  readonly count: number;
}

export interface QueryTally {
  /** Queries in the scope, whatever the filter. */
  readonly total: number;
  /** Queries the filter let through. */
  readonly counted: number;
  /** Counted queries by statement shape, most frequent first, ties in first-seen order. */
  readonly shapes: readonly ShapeCount[];
  /** Queries past every record limit: counted in `total` (and in `counted` when nothing is filtered), shape unknown. */
  readonly unshaped: number;
}

function sqlMatches(sql: string, match: string | RegExp): boolean {
  if (typeof match === 'string') return sql.toLowerCase().includes(match.toLowerCase());
  match.lastIndex = 0; // a /g or /y RegExp keeps state between calls
  return match.test(sql);
}

function admits(filter: QueryFilter, sql: string, kind: StatementKind): boolean {
  if (filter.kind !== undefined) {
    const kinds = typeof filter.kind === 'string' ? [filter.kind] : filter.kind;
    if (!kinds.includes(kind)) return false;
  }
  return filter.match === undefined || sqlMatches(sql, filter.match);
}

/** Counts a scope's queries by statement shape, through an optional filter. */
export function tallyQueries(result: ScopeResult, filter: QueryFilter = {}): QueryTally {
  const byShape = new Map<string, { kind: StatementKind; count: number }>();
  let counted = 0;
  const add = (sql: string, kind: StatementKind, shape: string, n: number): void => {
    if (!admits(filter, sql, kind)) return;
    counted += n;
    const entry = byShape.get(shape);
    if (entry === undefined) byShape.set(shape, { kind, count: n });
    else entry.count += n;
  };
  for (const query of result.queries as readonly QueryRecord[]) add(query.sql, query.kind, query.shape, 1);
  if (result.overflow !== undefined) {
    const dialect = result.queries[0]?.dialect ?? 'postgres';
    for (const [sql, n] of result.overflow) {
      const { kind, shape } = fingerprintSql(sql, dialect);
      add(sql, kind, shape, n);
    }
  }
  let seen = result.queries.length;
  for (const n of result.overflow?.values() ?? []) seen += n;
  const unshaped = result.count - seen;
  if (filter.kind === undefined && filter.match === undefined) counted += unshaped;
  const shapes = [...byShape].map(([shape, { kind, count }]) => ({ shape, kind, count }));
  shapes.sort((a, b) => b.count - a.count); // stable: ties keep first-seen order
  return { total: result.count, counted, shapes, unshaped };
}
