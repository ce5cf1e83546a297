// What a user's suite pays on a real driver: the same app (real-app.mjs) and
// requests through PGlite and, when DATABASE_URL is set, a pg.Pool (max 4)
// on PostgreSQL, without perfgate and with it at four levels, alternating in
// one process. The figure is CPU time (user + sys of this process, so the
// client, the server and PGlite's engine; not PostgreSQL's), per query.
import { getRuntime } from '@perfgate/core/runner';
import { QUERIES_PER_TEST, QUERIES_PER_TEST_WITHOUT_LOOP, REQUESTS_PER_TEST } from './real-app.mjs';
import { MODES, WORKLOADS, enter, learnAllowlist, median, openApp, openPg, openPglite, queriesOf, runTests } from './real-modes.mjs';

export const name = 'real-driver';
export const description = `an Express app on PGlite and on a pg.Pool (max 4, when DATABASE_URL is set); one test = ${REQUESTS_PER_TEST} HTTP requests, ${QUERIES_PER_TEST} queries with the N+1 endpoint (allowlisted), ${QUERIES_PER_TEST_WITHOUT_LOOP} without; workloads: suite (the loop in 1 test of 60), loop (in every test); CPU time (process.cpuUsage, user+sys) per query; modes alternate in one process`;

/**
 * Samples per mode (one sample = TESTS_PER_SAMPLE tests, the same test numbers in every mode: in the suite workload, one
 * sample in three holds its loop). CPU time per query varies by ±10–15% between two blocks of the same mode (the
 * event loop's wake-ups follow the server's timing), so the quoted figure is the median of per-sample ratios, with
 * its quartiles, and the control mode shows what "no difference" measures.
 */
export const SAMPLES = Number(process.env.PERFGATE_BENCH_SAMPLES ?? 41);
export const TESTS_PER_SAMPLE = 20;
/** Untimed tests after each switch of mode, before its timed block (the same test numbers, so the same loop or none). */
export const SETTLE_TESTS = 5;
/** Untimed blocks per mode before sampling, so every mode's code is optimised. */
const WARMUP_SAMPLES = 2;

/** The targets (#13): ratio with/without on the suite shape; ns per query outside scopes and with everything on. */
export const TARGET_RATIO = { pg: 1.05, pglite: 1.03 };
export const TARGET_NO_SCOPE_NS = 200;
export const TARGET_FULL_NS = 3_000;

const fmtNs = (ns) => (Math.abs(ns) >= 1_000 ? `${(ns / 1_000).toFixed(2)} µs` : `${Math.round(ns)} ns`);

/** mulberry32: the same orders every run. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(items, random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const collectYoungGarbage = () => {
  if (typeof globalThis.gc === 'function') globalThis.gc({ type: 'minor' });
};

const FLOOR = MODES.findIndex((mode) => mode.asyncContext);
const NO_SCOPE = MODES.findIndex((mode) => mode.perfgate && !mode.http);

async function measureDriver(bench, label, driver) {
  const { app, scopes, handles, close } = await openApp(driver);
  const settings = getRuntime().settings;
  const saved = settings.callSites;
  const cpu = WORKLOADS.map(() => MODES.map(() => []));
  try {
    const allowlist = await learnAllowlist(app, driver, scopes, handles);
    for (const mode of MODES) {
      enter(mode, driver, handles);
      await runTests(app, mode, scopes, allowlist, WARMUP_SAMPLES * TESTS_PER_SAMPLE);
    }
    // Interleaved: each sample runs every mode once, in a new random order, so drift in the machine's load and what the
    // mode before leaves behind (garbage, cold caches) spread over all of them.
    const random = seededRandom(13);
    for (let s = 0; s < SAMPLES; s++) {
      for (const [w, workload] of WORKLOADS.entries()) {
        for (const m of shuffled(MODES.map((_, i) => i), random)) {
          enter(MODES[m], driver, handles);
          const first = s * TESTS_PER_SAMPLE;
          // Untimed: switching modes patches and unpatches prototypes (pg's, http.Server's), and V8 reoptimises what inlined them.
          await runTests(app, MODES[m], scopes, allowlist, SETTLE_TESTS, workload, first);
          // The young garbage of the block before is collected here, untimed (a minor GC: a full one would flush compiled code).
          collectYoungGarbage();
          const start = process.cpuUsage();
          await runTests(app, MODES[m], scopes, allowlist, TESTS_PER_SAMPLE, workload, first);
          const used = process.cpuUsage(start);
          cpu[w][m].push(((used.user + used.system) * 1_000) / queriesOf(workload, first, TESTS_PER_SAMPLE));
        }
      }
    }
  } finally {
    settings.callSites = saved;
    await close();
  }
  for (const [w, workload] of WORKLOADS.entries()) {
    const samples = cpu[w];
    const base = { median: median(samples[0]), min: Math.min(...samples[0]) };
    const floor = median(samples[FLOOR]);
    // Each sample ran every mode back to back, so a mode's ratio to "without" within one sample leaves out the drift between samples.
    const ratios = (m, to = 0) => samples[m].map((value, i) => value / samples[to][i]).sort((a, b) => a - b);
    const paired = (m, to = 0) => median(ratios(m, to));
    const quartiles = (m, to = 0) => {
      const r = ratios(m, to);
      return `${r[Math.floor((r.length - 1) / 4)].toFixed(3)}–${r[Math.ceil((3 * (r.length - 1)) / 4)].toFixed(3)}`;
    };
    const rows = MODES.map((mode, m) => {
      const med = median(samples[m]);
      const min = Math.min(...samples[m]);
      const own = mode.perfgate ? fmtNs(med - floor) : '';
      return [mode.name, fmtNs(med), fmtNs(min), m === 0 ? '' : fmtNs(med - base.median), own, m === 0 ? '' : `${paired(m).toFixed(3)}×`, m === 0 ? '' : quartiles(m), mode.perfgate ? `${paired(m, FLOOR).toFixed(3)}×` : ''];
    });
    const queries = queriesOf(workload, 0, TESTS_PER_SAMPLE);
    bench.table(`${label}, ${workload.name} workload: CPU per query (${SAMPLES} samples of ${TESTS_PER_SAMPLE} tests, ${queries} queries each)`, ['mode', 'median', 'min', 'over without (median)', 'over AsyncLocalStorage on', 'ratio to without', 'its quartiles', 'ratio to ALS on'], rows);
    MODES.forEach((mode, m) => {
      if (m === 0) return;
      const over = { medianNs: median(samples[m]) - base.median, minNs: Math.min(...samples[m]) - base.min };
      const ratio = paired(m);
      const last = m === MODES.length - 1;
      const ratioText = last ? `; paired ratio ${ratio.toFixed(3)}× the CPU without perfgate (target ≤ ${TARGET_RATIO[label]}×)` : `; paired ratio ${ratio.toFixed(3)}×`;
      bench.derive(`${label}, ${workload.name}, ${mode.name}, CPU per query over without perfgate`, over, `median of ${SAMPLES} interleaved samples; min − min beside it${ratioText}`, last ? TARGET_FULL_NS : undefined);
    });
    const own = { medianNs: median(samples[NO_SCOPE]) - floor, minNs: Math.min(...samples[NO_SCOPE]) - Math.min(...samples[FLOOR]) };
    bench.derive(`${label}, ${workload.name}, instrumented with no scope, CPU per query over AsyncLocalStorage on`, own, "perfgate's own cost outside scopes, the runtime's hook cost taken out", TARGET_NO_SCOPE_NS);
    bench.note(`${label}, ${workload.name}: without perfgate ${fmtNs(base.median)} CPU per query (median; min ${fmtNs(base.min)}), HTTP and the driver's own work included`);
  }
}

export async function run(bench) {
  await measureDriver(bench, 'pglite', await openPglite());
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') bench.note('pg: skipped (set DATABASE_URL to a PostgreSQL database to measure a pg.Pool)');
  else await measureDriver(bench, 'pg', await openPg(url));
}
