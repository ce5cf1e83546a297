import type { QueryRecord } from '../record/query-record.js';
import { fingerprintSql, type SqlFingerprint } from '../sql/fingerprint-sql.js';

/** A scope's executions of one statement shape, in the scope's order, with their positions in it. */
export interface ShapeGroup {
  readonly shape: string;
  readonly fingerprint: SqlFingerprint;
  readonly queries: QueryRecord[];
  /** `positions[i]` is the index of `queries[i]` in the scope's queries. */
  readonly positions: number[];
}

interface TextGroup {
  readonly sql: string;
  readonly dialect: QueryRecord['dialect'];
  readonly queries: QueryRecord[];
  readonly positions: number[];
}

/** Merges text groups of one shape into the scope's order (each is in order already). */
function merge(parts: readonly TextGroup[]): { queries: QueryRecord[]; positions: number[] } {
  if (parts.length === 1) return parts[0]!;
  const pairs: Array<[number, QueryRecord]> = [];
  for (const part of parts) part.positions.forEach((position, i) => pairs.push([position, part.queries[i]!]));
  pairs.sort((a, b) => a[0] - b[0]);
  return { queries: pairs.map((p) => p[1]), positions: pairs.map((p) => p[0]) };
}

/**
 * Groups a scope's queries by statement shape, fingerprinting each distinct
 * SQL text once: one map operation per query on its text (a loop sends one
 * string again and again), not a shape lookup per record. Shapes come in the
 * order of their first execution; `counts` holds every shape's executions,
 * transaction control included, which `groups` leaves out.
 */
export function groupByShape(queries: readonly QueryRecord[]): { groups: ShapeGroup[]; counts: Map<string, number> } {
  const byText = new Map<string, TextGroup>();
  const texts: TextGroup[] = [];
  for (let i = 0; i < queries.length; i++) {
    const query = queries[i]!;
    let group = byText.get(query.sql);
    // One text in two dialects (two drivers in one scope) is two statements.
    if (group !== undefined && group.dialect !== query.dialect) group = byText.get(`${query.dialect}\u0000${query.sql}`);
    if (group === undefined) {
      group = { sql: query.sql, dialect: query.dialect, queries: [], positions: [] };
      byText.set(byText.has(query.sql) ? `${query.dialect}\u0000${query.sql}` : query.sql, group);
      texts.push(group);
    }
    group.queries.push(query);
    group.positions.push(i);
  }
  const counts = new Map<string, number>();
  const byShape = new Map<string, { fingerprint: SqlFingerprint; parts: TextGroup[] }>();
  for (const text of texts) {
    const fingerprint = fingerprintSql(text.sql, text.dialect);
    counts.set(fingerprint.shape, (counts.get(fingerprint.shape) ?? 0) + text.queries.length);
    if (fingerprint.transactionControl) continue;
    const entry = byShape.get(fingerprint.shape);
    if (entry === undefined) byShape.set(fingerprint.shape, { fingerprint, parts: [text] });
    else entry.parts.push(text);
  }
  const groups = [...byShape].map(([shape, { fingerprint, parts }]) => ({ shape, fingerprint, ...merge(parts) }));
  return { groups, counts };
}
