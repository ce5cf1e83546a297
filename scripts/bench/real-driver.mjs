// What a user's suite pays on a real driver: the same app (real-app.mjs) and
// requests through PGlite and, when DATABASE_URL is set, a pg.Pool (max 4)
// on PostgreSQL, without perfgate and with it at four levels, alternating in
// one process. The figure is CPU time (user + sys of this process, so the
// client, the server and PGlite's engine; not PostgreSQL's), per query.
import { getRuntime } from '@perfgate/core/runner';
import { currentScope } from '@perfgate/core';
import { QUERIES_PER_TEST, REQUESTS_PER_TEST, createSchema, startApp } from './real-app.mjs';
import { MODES, enter, learnAllowlist, openPg, openPglite, runTests } from './real-modes.mjs';

export const name = 'real-driver';
export const description = `an Express app on PGlite and on a pg.Pool (max 4, when DATABASE_URL is set); one test = ${REQUESTS_PER_TEST} HTTP requests, ${QUERIES_PER_TEST} queries (one N+1 loop, allowlisted); CPU time (process.cpuUsage, user+sys) per query; modes alternate in one process`;

/** Samples per mode (one sample = TESTS_PER_SAMPLE tests); the quoted figure is their median, the minimum beside it. */
export const SAMPLES = 9;
export const TESTS_PER_SAMPLE = 40;
/** Untimed blocks per mode before sampling, so every mode's code is optimised. */
const WARMUP_SAMPLES = 2;

/** The targets (#13): ratio with/without on the suite shape; ns per query outside scopes and with everything on. */
export const TARGET_RATIO = { pg: 1.05, pglite: 1.03 };
export const TARGET_NO_SCOPE_NS = 200;
export const TARGET_FULL_NS = 3_000;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmtNs = (ns) => (Math.abs(ns) >= 1_000 ? `${(ns / 1_000).toFixed(2)} µs` : `${Math.round(ns)} ns`);

async function measureDriver(bench, label, driver) {
  const scopes = [];
  const handles = [];
  const app = await startApp(driver.db, () => {
    const scope = currentScope();
    if (scope !== undefined) scopes.push(scope);
  });
  const settings = getRuntime().settings;
  const saved = settings.callSites;
  const cpu = MODES.map(() => []);
  try {
    await createSchema(driver.db);
    const allowlist = await learnAllowlist(app, driver, scopes, handles);
    for (const mode of MODES) {
      enter(mode, driver, handles);
      await runTests(app, mode, scopes, allowlist, WARMUP_SAMPLES * TESTS_PER_SAMPLE);
    }
    // Interleaved: each sample runs every mode once, starting one mode later each time, so drift in the machine's load spreads over all of them.
    for (let s = 0; s < SAMPLES; s++) {
      for (let k = 0; k < MODES.length; k++) {
        const m = (s + k) % MODES.length;
        enter(MODES[m], driver, handles);
        const start = process.cpuUsage();
        await runTests(app, MODES[m], scopes, allowlist, TESTS_PER_SAMPLE);
        const used = process.cpuUsage(start);
        cpu[m].push(((used.user + used.system) * 1_000) / (TESTS_PER_SAMPLE * QUERIES_PER_TEST));
      }
    }
  } finally {
    while (handles.length > 0) handles.pop().dispose();
    settings.callSites = saved;
    await app.close();
    await driver.close();
  }
  const base = { median: median(cpu[0]), min: Math.min(...cpu[0]) };
  const rows = MODES.map((mode, m) => {
    const med = median(cpu[m]);
    const min = Math.min(...cpu[m]);
    return [mode.name, fmtNs(med), fmtNs(min), m === 0 ? '' : fmtNs(med - base.median), m === 0 ? '' : `${(med / base.median).toFixed(3)}×`];
  });
  bench.table(`${label}: CPU per query (${SAMPLES} samples of ${TESTS_PER_SAMPLE} tests, ${TESTS_PER_SAMPLE * QUERIES_PER_TEST} queries each)`, ['mode', 'median', 'min', 'over without (median)', 'ratio (median)'], rows);
  MODES.forEach((mode, m) => {
    if (m === 0) return;
    const over = { medianNs: median(cpu[m]) - base.median, minNs: Math.min(...cpu[m]) - base.min };
    const ratio = median(cpu[m]) / base.median;
    const target = m === 1 ? TARGET_NO_SCOPE_NS : m === MODES.length - 1 ? TARGET_FULL_NS : undefined;
    const ratioText = m === MODES.length - 1 ? `; ${ratio.toFixed(3)}× the CPU without perfgate (target ≤ ${TARGET_RATIO[label]}×)` : `; ${ratio.toFixed(3)}×`;
    bench.derive(`${label}, ${mode.name}, CPU per query over without perfgate`, over, `median of ${SAMPLES} interleaved samples; min − min beside it${ratioText}`, target);
  });
  bench.note(`${label}: without perfgate ${fmtNs(base.median)} CPU per query (median; min ${fmtNs(base.min)}), HTTP and the driver's own work included`);
}

export async function run(bench) {
  await measureDriver(bench, 'pglite', await openPglite());
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') bench.note('pg: skipped (set DATABASE_URL to a PostgreSQL database to measure a pg.Pool)');
  else await measureDriver(bench, 'pg', await openPg(url));
}
