import type { CallSite } from '../record/call-site.js';
import type { QueryRecord } from '../record/query-record.js';
import { fingerprintSql, type StatementKind } from '../sql/fingerprint-sql.js';
import type { SqlDialect } from '../sql/scan-sql.js';
import { parameterKey } from './parameter-key.js';
import { ormOf, type Orm } from './query-origin.js';
import { groupByShape } from './statement-groups.js';

/** Runs of one statement shape from one call site that make an N+1, by default. */
export const DEFAULT_N_PLUS_ONE_THRESHOLD = 3;

export type DuplicatesMode = 'fail' | 'report' | 'off';

export interface RepeatAnalysisOptions {
  /** Different parameter sets of one shape from one call site that make an N+1 (2 or more). */
  readonly threshold?: number;
  /** The scope's queries past its record limit (SQL text → count): added to the count of the N+1 of their shape. */
  readonly overflow?: ReadonlyMap<string, number> | undefined;
}

export interface RepeatFinding {
  readonly type: 'n-plus-one' | 'duplicate';
  readonly shape: string;
  readonly kind: StatementKind;
  /** Executions in the group (for a duplicate: executions of statements run with the same parameters as another), past the record limit included. */
  readonly count: number;
  /** Of `count`, the executions past the scope's record limit (`maxQueriesPerScope`): counted by SQL text, without parameters or stack. */
  readonly pastRecordLimit: number;
  /** Distinct parameter sets in the group. */
  readonly distinctParameters: number;
  /** The user's frames the statement ran from, innermost first; empty when no stack reached user code. */
  readonly callSites: readonly CallSite[];
  /** How many of the group's executions had a sampled stack (the rest are attributed from their neighbours). */
  readonly sampledStacks: number;
  /** For an N+1: the single select that ran just before the loop (the "1" of N+1). */
  readonly before: string | undefined;
  readonly dialect: QueryRecord['dialect'];
  /** The first execution, in the scope's order. */
  readonly first: QueryRecord;
  /** The ORM that sent it, when its adapter or a sampled stack says (the fix hint speaks its words). */
  readonly orm: Orm | undefined;
}

export interface RepeatAnalysis {
  readonly nPlusOne: readonly RepeatFinding[];
  readonly duplicates: readonly RepeatFinding[];
}

/** Paging through a result (OFFSET, or a keyset `> ?` with ORDER BY … LIMIT) is a loop by design, not an N+1. */
export function isPagination(shape: string): boolean {
  if (!/\bLIMIT\b/.test(shape)) return false;
  // The comparison must be a whole token: `<>`, `@>` or `->>` before a `?` is no keyset.
  return /\bOFFSET\b/.test(shape) || (/\bORDER BY\b/.test(shape) && /\bWHERE\b.* [<>]=? \?/.test(shape));
}

/** The row limit of an execution (`LIMIT 1`, `LIMIT $2` with its value), when it can tell. */
export function rowLimit(query: QueryRecord): number | undefined {
  const match = /\bLIMIT\s+(?:(\d+)|\$(\d+)|(\?))/i.exec(query.sql);
  if (match === null) return undefined;
  const [, literal, dollar, question] = match;
  if (literal !== undefined) return Number(literal);
  const index = dollar !== undefined ? Number(dollar) - 1 : question !== undefined ? (query.sql.slice(0, match.index).match(/\?/g) ?? []).length : -1;
  const value = query.values?.[index];
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint' ? Number(value) : undefined;
}

/**
 * A loop of paged reads is pagination, unless each "page" is one row: a
 * `… ORDER BY id LIMIT 1` per row is a lookup per row, an N+1.
 */
function isPageLoop(shape: string, first: QueryRecord): boolean {
  return isPagination(shape) && rowLimit(first) !== 1;
}

/** Overflow counts by statement shape. */
const NO_OVERFLOW: ReadonlyMap<string, number> = new Map();

function overflowByShape(overflow: ReadonlyMap<string, number> | undefined, dialect: SqlDialect): ReadonlyMap<string, number> {
  if (overflow === undefined || overflow.size === 0) return NO_OVERFLOW;
  const byShape = new Map<string, number>();
  for (const [sql, n] of overflow) {
    const { shape } = fingerprintSql(sql, dialect);
    byShape.set(shape, (byShape.get(shape) ?? 0) + n);
  }
  return byShape;
}

interface Group {
  readonly queries: QueryRecord[];
  /** The parameter key of each of `queries`. */
  readonly keys: string[];
  callSites: readonly CallSite[];
  /** Where the group's first execution is among the shape's. */
  readonly firstIndex: number;
  /** Whether the shape's last recorded execution is in this group (the loop went on past the record limit there). */
  hasLast: boolean;
}

function countKeys(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const siteKey = (sites: readonly CallSite[]): string => (sites[0] === undefined ? '' : `${sites[0].file}:${sites[0].line}:${sites[0].column}`);

/**
 * Splits one shape's executions by call site. Only sampled executions carry
 * a stack (see the recorder); the others take the site of the nearest
 * sampled execution before them, or after them at the start.
 */
function groupByCallSite(queries: readonly QueryRecord[], keys: readonly string[]): Group[] {
  let current: readonly CallSite[] = queries.find((q) => q.stack !== undefined)?.callSites ?? [];
  const groups = new Map<string, Group>();
  let group: Group | undefined;
  queries.forEach((query, i) => {
    // The site changes only at a sampled execution: the runs between keep the group.
    if (group === undefined || query.stack !== undefined) {
      if (query.stack !== undefined) current = query.callSites;
      const key = siteKey(current);
      group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { queries: [], keys: [], callSites: current, firstIndex: i, hasLast: false }));
    }
    group.queries.push(query);
    group.keys.push(keys[i]!);
  });
  if (group !== undefined) group.hasLast = true;
  return [...groups.values()];
}

/**
 * Finds repeated statements in a scope's queries: an N+1 is one statement
 * shape from one call site run with `threshold` or more different parameter
 * sets; a duplicate is the same statement run again with the same
 * parameters. Transaction control never counts; pagination is not an N+1.
 * Shapes are looked up once per distinct SQL text, parameter keys once per
 * execution of a shape that runs more than once, and call sites only for
 * shapes that can make a finding.
 */
export function findRepeatedStatements(queries: readonly QueryRecord[], options: RepeatAnalysisOptions = {}): RepeatAnalysis {
  const threshold = options.threshold ?? DEFAULT_N_PLUS_ONE_THRESHOLD;
  const { groups: shapes, counts: shapeCounts } = groupByShape(queries);
  const pastLimit = overflowByShape(options.overflow, queries[0]?.dialect ?? 'postgres');
  const nPlusOne: RepeatFinding[] = [];
  const duplicates: RepeatFinding[] = [];
  for (const { shape, fingerprint, queries: executions, positions } of shapes) {
    if (executions.length < 2) continue;
    const keys = executions.map(parameterKey);
    const shapeParameters = countKeys(keys);
    // Call sites cost a stack formatting each: look at them only when the shape
    // as a whole could make a finding (enough distinct parameters, or a repeat).
    if (shapeParameters.size < threshold && shapeParameters.size === executions.length) continue;
    const sites = groupByCallSite(executions, keys);
    for (const group of sites) {
      const byParameters = sites.length === 1 ? shapeParameters : countKeys(group.keys);
      const first = group.queries[0]!;
      const base = {
        shape,
        kind: fingerprint.kind,
        callSites: group.callSites,
        sampledStacks: group.queries.filter((q) => q.stack !== undefined).length,
        dialect: first.dialect,
        first,
        distinctParameters: byParameters.size,
      };
      if (byParameters.size >= threshold && !isPageLoop(shape, first)) {
        const previous = queries[positions[group.firstIndex]! - 1];
        const before = previous !== undefined && previous.kind === 'select' && shapeCounts.get(previous.shape) === 1 ? previous.shape : undefined;
        // Past the limit the loop went on where the last recorded run was: its group gets those runs.
        const past = group.hasLast ? (pastLimit.get(shape) ?? 0) : 0;
        nPlusOne.push({ ...base, type: 'n-plus-one', count: group.queries.length + past, pastRecordLimit: past, before, orm: ormOf(group.queries) });
      }
      const repeated = [...byParameters.values()].filter((n) => n > 1);
      if (repeated.length > 0) {
        duplicates.push({ ...base, type: 'duplicate', count: repeated.reduce((sum, n) => sum + n, 0), pastRecordLimit: 0, before: undefined, orm: ormOf(group.queries) });
      }
    }
  }
  const byCount = (a: RepeatFinding, b: RepeatFinding) => b.count - a.count;
  return { nPlusOne: nPlusOne.sort(byCount), duplicates: duplicates.sort(byCount) };
}
