// A driver without a database: what an adapter does around each query
// (startQuery, hand the query on, finishQuery) and a promise of no rows.
// Also the statement workloads the recorder and analysis groups issue.
import { finishQuery, markInternalPath, samplesCallSite, startQuery } from '@perfgate/core/adapter';
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
 * Frames below the driver call, so that every capture fills CAPTURED_FRAMES
 * (30), the most the recorder collects: an ORM under a test runner can reach
 * that before an `await`; shallower stacks capture faster.
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

/** Stacks the sampling policy (samplesCallSite) gives one scope issuing `sql`, counting occurrences by text. */
function sampledStacks(sql, values) {
  const seen = new Map();
  let stacks = 0;
  sql.forEach((text, i) => {
    const first = seen.get(text);
    const occurrence = (first?.count ?? 0) + 1;
    if (first === undefined) seen.set(text, { count: 1, values: values[i] });
    else first.count = occurrence;
    // The 2nd run gets a stack only when it repeats the 1st exactly (same parameters).
    const exactRepeat = occurrence === 2 && JSON.stringify(values[i]) === JSON.stringify(first.values);
    if (samplesCallSite(occurrence, exactRepeat)) stacks++;
  });
  return stacks;
}

function workload(description, sql, values = VALUES) {
  return { description, sql, values, stacks: sampledStacks(sql, values) };
}

/**
 * What one scope issues. `stacks` is how many of its queries the sampling
 * policy gives a stack; the recorder group checks each workload against it
 * before measuring, so a workload is what its name says.
 */
export const WORKLOADS = {
  'N+1 loop': workload(
    'one parameterised statement 100 times, different values',
    Array.from({ length: QUERIES_PER_SCOPE }, () => selectFrom('order_items')),
  ),
  'all distinct': workload(
    '100 different statements, each once',
    Array.from({ length: QUERIES_PER_SCOPE }, (_, i) => selectFrom(`items_${letters(i)}`)),
  ),
  'each twice': workload(
    '50 statements, the whole list issued twice, with other parameters the second time',
    Array.from({ length: QUERIES_PER_SCOPE }, (_, i) => selectFrom(`items_${letters(i % (QUERIES_PER_SCOPE / 2))}`)),
  ),
  'each twice, same parameters': workload(
    '50 statements, the whole list issued twice with the same parameters: 50 duplicates, the worst case for sampling',
    Array.from({ length: QUERIES_PER_SCOPE }, (_, i) => selectFrom(`items_${letters(i % (QUERIES_PER_SCOPE / 2))}`)),
    Array.from({ length: QUERIES_PER_SCOPE }, (_, i) => [(i % (QUERIES_PER_SCOPE / 2)) + 1]),
  ),
};

/**
 * Issues a workload's queries through `query`, sinking each result, from a
 * frame perfgate takes for library code: no stack reaches a user frame, as
 * with an ORM that builds its queries out of the caller's sight.
 */
export function issueFromLibrary(workload, query) {
  // Below STACK_DEPTH library frames, so even a full capture holds no user frame.
  atDepth(STACK_DEPTH, () => {
    const { sql, values } = workload;
    for (let i = 0; i < sql.length; i++) do_not_optimize(query(sql[i], values[i]));
  });
}

/**
 * The N+1 loop on a statement of its own, for `issueFromLibrary`: the
 * recorder learns per statement how deep its call site is, so the library
 * case must not share the user-code loop's statement.
 */
export const LIBRARY_N_PLUS_ONE = workload('one parameterised statement 100 times, issued from library code', Array.from({ length: QUERIES_PER_SCOPE }, () => selectFrom('library_items')));

export { VALUES };
