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
  /** What sent the shape's queries, when an ORM adapter knows (`Order.findMany`, `orders.select`): distinct, first seen first. */
  readonly labels: readonly string[];
  /** The first of the shape's queries that has a sampled stack (repeats do): its call site is the shape's. */
  readonly sampled: QueryRecord | undefined;
}

/** Distinct labels kept per shape. */
export const MAX_LABELS_PER_SHAPE = 3;

interface ShapeEntry {
  kind: StatementKind;
  count: number;
  labels: string[];
  sampled: QueryRecord | undefined;
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
export function tallyQueries(result: Pick<ScopeResult, 'count' | 'queries' | 'overflow'>, filter: QueryFilter = {}): QueryTally {
  const byShape = new Map<string, ShapeEntry>();
  let counted = 0;
  const add = (sql: string, kind: StatementKind, shape: string, n: number, query?: QueryRecord): void => {
    if (!admits(filter, sql, kind)) return;
    counted += n;
    let entry = byShape.get(shape);
    if (entry === undefined) byShape.set(shape, (entry = { kind, count: 0, labels: [], sampled: undefined }));
    entry.count += n;
    if (query === undefined) return;
    if (query.label !== undefined && entry.labels.length < MAX_LABELS_PER_SHAPE && !entry.labels.includes(query.label)) entry.labels.push(query.label);
    if (entry.sampled === undefined && query.stack !== undefined) entry.sampled = query;
  };
  for (const query of result.queries as readonly QueryRecord[]) add(query.sql, query.kind, query.shape, 1, query);
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
  const shapes = [...byShape].map(([shape, entry]): ShapeCount => ({ shape, ...entry }));
  shapes.sort((a, b) => b.count - a.count); // stable: ties keep first-seen order
  return { total: result.count, counted, shapes, unshaped };
}
