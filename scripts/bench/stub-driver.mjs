// A driver without a database: what an adapter does around each query
// (startQuery, hand the query on, finishQuery) and a promise of no rows.
// Also the statement workloads the recorder and analysis groups issue.
import { finishQuery, markInternalPath, startQuery } from '@perfgate/core';
import { do_not_optimize } from 'mitata';

// The stub stands in for a driver under node_modules, whose frames are never
// taken for the user's: call sites must point at the code that issues queries.
markInternalPath(import.meta.url);

const NO_ROWS = Object.freeze({ rows: [] });

/** An instrumented driver call. */
export function stubQuery(sql, values) {
  const record = startQuery({ sql, values, source: 'stub', dialect: 'postgres' });
  finishQuery(record);
  return Promise.resolve(NO_ROWS);
}

/** The same driver call without perfgate. */
export function bareQuery(_sql, _values) {
  return Promise.resolve(NO_ROWS);
}

/** Queries issued per scope in the recorder group. */
export const QUERIES_PER_SCOPE = 100;

/**
 * Frames between the test and the driver call. A query from an ORM inside
 * a test runner is rarely fewer than 30 frames deep, so every capture fills
 * CAPTURED_FRAMES (30) as it would in a user's suite.
 */
export const STACK_DEPTH = 30;

/** Calls `fn` with `depth` more frames on the stack. */
export function atDepth(depth, fn) {
  return depth === 0 ? fn() : atDepth(depth - 1, fn);
}

/**
 * 0 → a, 25 → z, 26 → ba: table names that differ in letters. Statements
 * that differ only in digits (`t1`, `t2`) share a repeat key by design
 * (inlined literals), so distinct workloads must not number their tables.
 */
export function letters(n) {
  let name = '';
  do {
    name = String.fromCharCode(97 + (n % 26)) + name;
    n = Math.floor(n / 26);
  } while (n > 0);
  return name;
}

/** A realistic parameterised select (about 90 characters). */
export const selectFrom = (table) => `SELECT id, order_id, sku, quantity, unit_price FROM ${table} WHERE order_id = $1 LIMIT 50`;

const VALUES = Array.from({ length: QUERIES_PER_SCOPE }, (_, i) => [i + 1]);

/**
 * What one scope issues. `stacks` is how many of its queries the sampling
 * policy gives a stack (samplesCallSite): checked before measuring, so a
 * workload is what its name says.
 */
export const WORKLOADS = {
  'N+1 loop': {
    description: 'one parameterised statement 100 times, different values',
    sql: Array.from({ length: QUERIES_PER_SCOPE }, () => selectFrom('order_items')),
    stacks: 7, // occurrences 2, 3, 4, 8, 16, 32, 64
  },
  'all distinct': {
    description: '100 different statements, each once',
    sql: Array.from({ length: QUERIES_PER_SCOPE }, (_, i) => selectFrom(`items_${letters(i)}`)),
    stacks: 0,
  },
  'each twice': {
    description: '50 statements, the whole list issued twice',
    sql: Array.from({ length: QUERIES_PER_SCOPE }, (_, i) => selectFrom(`items_${letters(i % (QUERIES_PER_SCOPE / 2))}`)),
    stacks: QUERIES_PER_SCOPE / 2,
  },
};

/** Issues a workload's queries through `query`, sinking each result. */
export function issue(workload, query) {
  const { sql } = workload;
  for (let i = 0; i < sql.length; i++) do_not_optimize(query(sql[i], VALUES[i]));
}
