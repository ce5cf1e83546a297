// Heap a recorded query keeps alive: one scope of QUERIES queries (the
// analysis group's mix: 100 shapes, N+1 loops from two call sites), its
// parameter arrays built beforehand and kept alive throughout, so only what
// perfgate holds is counted; measured after the N+1 analysis too, which
// memoises shapes and call sites on the records.
import { findRepeatedStatements, runInNewScope } from '@perfgate/core';
import { getRuntime } from '@perfgate/core/runner';
import { letters, selectFrom, stubQuery } from './stub-driver.mjs';

/** The budget (#13): bytes per recorded query at 10,000 records. */
export const TARGET_BYTES_PER_RECORD = 150;
const ROUNDS = 400;
const ITEMS_PER_ROUND = 24;
const HALF = 50;
export const RECORDS = ROUNDS * (1 + ITEMS_PER_ROUND);

const values = Array.from({ length: RECORDS }, (_, i) => [i]);
const tables = Array.from({ length: HALF }, (_, k) => [selectFrom(`orders_${letters(k)}_heap`), selectFrom(`order_items_${letters(k)}_heap`)]);

function itemsForOrders(sql, at) {
  for (let j = 0; j < ITEMS_PER_ROUND; j++) stubQuery(sql, values[at + j]);
}
function itemsForInvoices(sql, at) {
  for (let j = 0; j < ITEMS_PER_ROUND; j++) stubQuery(sql, values[at + j]);
}

function buildScope() {
  let at = 0;
  return runInNewScope(
    () => {
      for (let r = 0; r < ROUNDS; r++) {
        const [orders, items] = tables[r % HALF];
        stubQuery(orders, values[at++]);
        (Math.floor(r / HALF) % 2 === 0 ? itemsForOrders : itemsForInvoices)(items, at);
        at += ITEMS_PER_ROUND;
      }
    },
    { name: 'heap bench' },
  );
}

/** After the current job: objects a job touched can stay alive until it ends, whatever the collector is asked. */
async function heapUsed() {
  await new Promise((resolve) => setImmediate(resolve));
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** Bytes per record (median of `samples`), as recorded and after the analysis, with call sites on or off. */
export async function bytesPerRecord(callSites, samples = 5) {
  const settings = getRuntime().settings;
  const saved = { callSites: settings.callSites, maxQueriesPerScope: settings.maxQueriesPerScope };
  Object.assign(settings, { callSites, maxQueriesPerScope: Math.max(saved.maxQueriesPerScope, RECORDS) });
  try {
    findRepeatedStatements(buildScope().queries); // fills the per-text caches (shapes, repeat keys, learnt depths) first
    const recorded = [];
    const analysed = [];
    // Held here, and dropped at each sample's end, so no sample's baseline counts the records of the one before.
    const held = { result: undefined };
    for (let s = 0; s < samples; s++) {
      const before = await heapUsed();
      held.result = buildScope();
      recorded.push(((await heapUsed()) - before) / RECORDS);
      const findings = findRepeatedStatements(held.result.queries);
      analysed.push(((await heapUsed()) - before) / RECORDS);
      if (held.result.queries.length !== RECORDS || findings.nPlusOne.length === 0) throw new Error(`bench record-heap: ${held.result.queries.length} records, expected ${RECORDS}`);
      held.result = undefined;
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    return { recorded: median(recorded), analysed: median(analysed) };
  } finally {
    Object.assign(settings, saved);
  }
}
