// The building blocks #13 chose between, measured on their own: binding a
// callback to the caller's context, evicting from a bounded Map, and
// capturing a stack after a real driver's I/O against one in a warm loop.
import { AsyncResource } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { bindToCaller, captureStack } from '@perfgate/core/adapter';
import { getRuntime } from '@perfgate/core/runner';
import { do_not_optimize } from 'mitata';
import { median, openPg, openPglite } from './real-modes.mjs';

export const name = 'primitives';
export const description = "binding a callback to the caller's context, evicting from a bounded Map, a stack capture after I/O";

const f = () => 1;

/** A Map of `size` entries that one insert-and-evict keeps at that size, by a fresh iterator or by one kept across evictions. */
function evicting(size, live) {
  const map = new Map();
  let next = 0;
  for (; next < size; next++) map.set(`k${next}`, next);
  let iterator = map.keys();
  return () => {
    map.set(`k${next}`, next++);
    if (!live) {
      map.delete(map.keys().next().value);
      return;
    }
    let oldest = iterator.next();
    if (oldest.done) {
      iterator = map.keys();
      oldest = iterator.next();
    }
    map.delete(oldest.value);
  };
}

/** Median µs of one `Error.captureStackTrace` (8 frames) right after awaiting `wait`, over `runs` awaits. */
async function captureAfter(wait, runs) {
  const times = [];
  async function loop() {
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      do_not_optimize(captureStack(loop, 8));
      times.push(performance.now() - start);
      await wait(i);
    }
  }
  await loop();
  times.length = 0;
  await loop();
  return median(times) * 1_000;
}

export async function run(bench) {
  // As under a runner: perfgate's storages are on, so bindToCaller reads real stores.
  getRuntime().storage.run(undefined, () => {});
  const bound = await bench.case('AsyncResource.bind(fn), then a call', { run: () => do_not_optimize(AsyncResource.bind(f)()) });
  const ours = await bench.case('bindToCaller(fn), then a call', { run: () => do_not_optimize(bindToCaller(f)()) });
  bench.derive('AsyncResource.bind over bindToCaller, per bind and call', { medianNs: bound.medianNs - ours.medianNs, minNs: bound.minNs - ours.minNs }, 'what each pooled connect, callback or transaction paid before #13');
  for (const size of [1_000, 5_000]) {
    const fresh = await bench.case(`evict from a Map of ${size.toLocaleString('en')}: a fresh keys().next()`, { run: evicting(size, false) });
    const live = await bench.case(`evict from a Map of ${size.toLocaleString('en')}: one live iterator (evictOldest)`, { run: evicting(size, true) });
    bench.derive(`eviction at ${size.toLocaleString('en')} entries, fresh iterator over live`, { medianNs: fresh.medianNs - live.medianNs, minNs: fresh.minNs - live.minNs }, 'a fresh iterator walks every deleted slot at the front of the table');
  }
  const rows = [['setImmediate', `${(await captureAfter(() => new Promise((resolve) => setImmediate(resolve)), 400)).toFixed(2)} µs`]];
  const pglite = await openPglite();
  try {
    rows.push(['a PGlite query', `${(await captureAfter((i) => pglite.db.query('SELECT $1::int AS x', [i]), 400)).toFixed(2)} µs`]);
  } finally {
    await pglite.close();
  }
  const url = process.env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    const pg = await openPg(url);
    try {
      rows.push(['a pg.Pool query on PostgreSQL', `${(await captureAfter((i) => pg.db.query('SELECT $1::int AS x', [i]), 400)).toFixed(2)} µs`]);
    } finally {
      await pg.close();
    }
  } else bench.note('capture after a pg query: skipped (set DATABASE_URL)');
  bench.table('one captureStack() of 8 frames, right after awaiting… (median of 400)', ['awaited', 'capture'], rows);
}
