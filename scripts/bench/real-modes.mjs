// The real-driver group's moving parts, shared with profile-real-driver.mjs:
// the drivers (a pg.Pool on PostgreSQL, PGlite), the modes perfgate runs in,
// and a test as the runner's N+1 gate sees it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { checkScopes, EMPTY_ALLOWLIST, allowEntryOf, getRuntime, instrumentHttpServers } from '@perfgate/core/runner';
import { currentScope } from '@perfgate/core';
import { QUERIES_PER_TEST, QUERIES_PER_TEST_WITHOUT_LOOP, createSchema, startApp } from './real-app.mjs';

/**
 * The modes, cumulative. `gate` analyses each test's request scopes after it,
 * as the runner's N+1 gate does; `callSites` samples stacks as the default
 * settings do.
 */
export const MODES = [
  { name: 'without perfgate', perfgate: false },
  { name: 'without perfgate, again (control)', perfgate: false, control: true },
  { name: 'AsyncLocalStorage on, no perfgate', perfgate: false, asyncContext: true },
  { name: 'instrumented, no scope', perfgate: true, http: false },
  { name: 'request scopes', perfgate: true, http: true, gate: false, callSites: false },
  { name: 'request scopes + gate', perfgate: true, http: true, gate: true, callSites: false },
  { name: '+ call sites (the defaults)', perfgate: true, http: true, gate: true, callSites: true },
];

export async function openPg(url) {
  const { default: pg } = await import('pg');
  const { instrumentPg } = await import('@perfgate/orm-adapters/pg');
  const schema = `perfgate_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  return {
    db,
    instrument: () => instrumentPg(pg),
    async close() {
      await db.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export async function openPglite() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { instrumentPGlite } = await import('@perfgate/orm-adapters/pglite');
  const db = await PGlite.create();
  return { db, instrument: () => instrumentPGlite(PGlite), close: () => db.close() };
}

/**
 * The workloads: `loop`, every test calls the N+1 endpoint (the worst case
 * for call sites: 4 stacks per test); `suite`, one test in 60 does, as in the
 * suite #13 measured (60 tests, one allowlisted loop).
 */
export const WORKLOADS = [
  { name: 'suite', loopEvery: 60 },
  { name: 'loop', loopEvery: 1 },
];

/** Queries the `tests` tests from `first` on send in `workload`. */
export function queriesOf(workload, first, tests) {
  let queries = 0;
  for (let i = first; i < first + tests; i++) queries += i % workload.loopEvery === 0 ? QUERIES_PER_TEST : QUERIES_PER_TEST_WITHOUT_LOOP;
  return queries;
}

/** An AsyncLocalStorage of the bench's own: enabled, it costs what any one costs (Node 20 runs a hook per promise), with no perfgate code. */
const floor = new AsyncLocalStorage();

/**
 * The app on `driver`, its schema created: `scopes` collects each request's
 * scope (what the gate checks after a test), `handles` the instrumentations
 * the modes enter; `close` disposes them and closes the app and the driver.
 */
export async function openApp(driver) {
  const scopes = [];
  const handles = [];
  const app = await startApp(driver.db, () => {
    const scope = currentScope();
    if (scope !== undefined) scopes.push(scope);
  });
  const close = async () => {
    while (handles.length > 0) handles.pop().dispose();
    await app.close();
    await driver.close();
  };
  try {
    await createSchema(driver.db);
  } catch (error) {
    await close();
    throw error;
  }
  return { app, scopes, handles, close };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Puts the process in `mode`. Without perfgate, its AsyncLocalStorages are
 * disabled too: once one has run, Node 20 runs a promise hook for every
 * promise, which a process without perfgate would not. `asyncContext` turns
 * on one AsyncLocalStorage of the bench's own instead: the part of
 * perfgate's cost that is the runtime's.
 */
export function enter(mode, driver, handles) {
  const runtime = getRuntime();
  while (handles.length > 0) handles.pop().dispose();
  if (!mode.perfgate) {
    runtime.storage.disable();
    runtime.layer.disable();
    runtime.tests.storage.disable();
    if (mode.asyncContext) floor.run(undefined, () => {});
    else floor.disable();
    return;
  }
  floor.disable();
  // As under a runner: each test runs in perfgate's test-state AsyncLocalStorage, and its scope storage has run, so
  // both hook into every promise, outside scopes too.
  runtime.tests.storage.run(undefined, () => {});
  runtime.storage.run(undefined, () => {});
  handles.push(driver.instrument());
  if (mode.http) handles.push(instrumentHttpServers());
  runtime.settings.callSites = mode.callSites ?? true;
}

/** Runs `tests` tests in `mode` (test numbers from `first`, which decide where the loop is); the gate, when on, checks each test's request scopes after it. */
export async function runTests(app, mode, scopes, allowlist, tests, workload = WORKLOADS[1], first = 0) {
  for (let i = first; i < first + tests; i++) {
    scopes.length = 0;
    await app.test(i % workload.loopEvery === 0);
    if (mode.gate) {
      const { unlisted } = checkScopes(scopes, allowlist);
      if (unlisted.length > 0) throw new Error(`bench real-driver: ${mode.name}: ${unlisted.length} N+1 not in the bench's allowlist (${unlisted[0].finding.shape})`);
    }
  }
}

/** The loop endpoint's N+1, as the gate sees it with call sites on and off, so the gate passes as in a suite with an allowlist. */
export async function learnAllowlist(app, driver, scopes, handles) {
  const entries = [];
  for (const callSites of [false, true]) {
    enter({ perfgate: true, http: true, callSites }, driver, handles);
    scopes.length = 0;
    await app.test();
    entries.push(...checkScopes(scopes, EMPTY_ALLOWLIST).unlisted.map(({ finding }) => allowEntryOf(finding)));
  }
  if (entries.length !== 2) throw new Error(`bench real-driver: expected the loop endpoint's N+1 with and without call sites, found ${entries.length}`);
  return { version: 1, nPlusOne: entries };
}

