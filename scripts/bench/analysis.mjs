// Analysing a big scope: findRepeatedStatements and tallyQueries over 10,000
// recorded queries, built outside the timed region.
import { findRepeatedStatements, runInNewScope, tallyQueries } from '@perfgate/core';
import { getRuntime } from '@perfgate/core/runner';
import { bytesPerRecord, RECORDS, TARGET_BYTES_PER_RECORD } from './record-heap.mjs';
import { letters, selectFrom, stubQuery } from './stub-driver.mjs';

/** The budget (#13) for the first analysis of a 10,000-query scope whose SQL texts were seen before. */
export const TARGET_FRESH_NS = 10_000_000;

/** Shapes in the scope: half run once per round (the "1"), half in a loop per round (the "N"). */
export const SHAPES = 100;
const ROUNDS = 400;
const ITEMS_PER_ROUND = 24;
/** 400 rounds of 1 + 24 queries. */
export const QUERIES = ROUNDS * (1 + ITEMS_PER_ROUND);

export const name = 'analysis';
export const description = `one scope of ${QUERIES.toLocaleString('en')} queries, ${SHAPES} shapes, N+1 loops from two call sites, built before timing; one iteration = one call`;

// Two call sites issue the item loops, so the analysis has sites to tell apart.
function loadItemsForOrders(table, first) {
  for (let j = 0; j < ITEMS_PER_ROUND; j++) stubQuery(table, [first + Math.min(j, ITEMS_PER_ROUND - 2)]); // the last repeats: a duplicate
}
function loadItemsForInvoices(table, first) {
  for (let j = 0; j < ITEMS_PER_ROUND; j++) stubQuery(table, [first + j]);
}

/**
 * A scope whose SQL texts carry `generation`'s suffix: a new generation has
 * texts the fingerprint cache has never seen; the same one has them cached.
 */
function buildScope(generation) {
  const suffix = letters(generation);
  const half = SHAPES / 2;
  const result = runInNewScope(
    () => {
      for (let r = 0; r < ROUNDS; r++) {
        const k = r % half;
        stubQuery(selectFrom(`orders_${letters(k)}_${suffix}`), [r]);
        const load = Math.floor(r / half) % 2 === 0 ? loadItemsForOrders : loadItemsForInvoices;
        load(selectFrom(`order_items_${letters(k)}_${suffix}`), r * ITEMS_PER_ROUND);
      }
    },
    { name: 'analysis bench', traceId: 'a11a11a11a11a11a11a11a11a11a11a1' },
  );
  if (result.count !== QUERIES) throw new Error(`bench analysis scope: ${result.count} queries, expected ${QUERIES}`);
  return result;
}

export async function run(bench) {
  const settings = getRuntime().settings;
  const saved = { callSites: settings.callSites, maxQueriesPerScope: settings.maxQueriesPerScope };
  settings.callSites = true;
  settings.maxQueriesPerScope = Math.max(settings.maxQueriesPerScope, QUERIES);
  try {
    const warm = buildScope(0);
    const findings = findRepeatedStatements(warm.queries);
    const stacks = warm.queries.filter((q) => q.stack !== undefined).length;
    bench.note(`${QUERIES} queries, ${stacks} sampled stacks; ${findings.nPlusOne.length} N+1 and ${findings.duplicates.length} duplicate findings`);

    let generation = 1;
    const fresh = () => buildScope(0); // new records, SQL texts already fingerprinted
    const cold = () => buildScope(generation++); // new records, unseen SQL texts

    const find = {
      warm: await bench.case('findRepeatedStatements, warm (same records again)', { run: () => findRepeatedStatements(warm.queries) }),
      fresh: await bench.case('findRepeatedStatements, new records, shapes cached', { prepare: fresh, run: (r) => findRepeatedStatements(r.queries) }),
      cold: await bench.case('findRepeatedStatements, cold (unseen SQL texts)', { prepare: cold, run: (r) => findRepeatedStatements(r.queries) }),
    };
    const tally = {
      warm: await bench.case('tallyQueries, warm (same records again)', { run: () => tallyQueries(warm) }),
      fresh: await bench.case('tallyQueries, new records, shapes cached', { prepare: fresh, run: (r) => tallyQueries(r) }),
      cold: await bench.case('tallyQueries, cold (unseen SQL texts)', { prepare: cold, run: (r) => tallyQueries(r) }),
    };
    const perQuery = (c) => ({ medianNs: c.medianNs / QUERIES, minNs: c.minNs / QUERIES });
    bench.derive('findRepeatedStatements, per query, warm', perQuery(find.warm), 'fingerprints, parameter keys and call sites already computed');
    bench.derive('findRepeatedStatements, per query, new records', perQuery(find.fresh), 'the first analysis of a scope: formats and parses its sampled stacks');
    bench.derive('tallyQueries, per query, new records', perQuery(tally.fresh), 'shape lookups only');
    bench.derive('findRepeatedStatements, the whole scope, new records', find.fresh, `${QUERIES} queries, shapes cached (the usual case in a suite)`, TARGET_FRESH_NS);

    const heap = { off: await bytesPerRecord(false, 9), on: await bytesPerRecord(true, 9) };
    const bytes = (n) => `${Math.round(n)} B`;
    const verdict = (n) => (n <= TARGET_BYTES_PER_RECORD ? 'within' : 'OVER');
    bench.table(
      `heap per recorded query, ${RECORDS.toLocaleString('en')} records in one scope (median of 9; parameter arrays not counted; target ≤ ${TARGET_BYTES_PER_RECORD} B)`,
      ['call sites', 'as recorded', 'after the N+1 analysis', 'verdict (after analysis)'],
      [
        ['off', bytes(heap.off.recorded), bytes(heap.off.analysed), verdict(heap.off.analysed)],
        ['on (the default)', bytes(heap.on.recorded), bytes(heap.on.analysed), verdict(heap.on.analysed)],
      ],
    );
  } finally {
    Object.assign(settings, saved);
  }
}
