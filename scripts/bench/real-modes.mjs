// The real-driver group's moving parts, shared with profile-real-driver.mjs:
// the drivers (a pg.Pool on PostgreSQL, PGlite), the modes perfgate runs in,
// and a test as the runner's N+1 gate sees it.
import { randomBytes } from 'node:crypto';
import { checkScopes, EMPTY_ALLOWLIST, allowEntryOf, getRuntime, instrumentHttpServers } from '@perfgate/core/runner';

/**
 * The modes, cumulative. `gate` analyses each test's request scopes after it,
 * as the runner's N+1 gate does; `callSites` samples stacks as the default
 * settings do.
 */
export const MODES = [
  { name: 'without perfgate', perfgate: false },
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
 * Puts the process in `mode`. Without perfgate, its AsyncLocalStorages are
 * disabled too: once one has run, Node 20 runs a promise hook for every
 * promise, which a process without perfgate would not.
 */
export function enter(mode, driver, handles) {
  const runtime = getRuntime();
  while (handles.length > 0) handles.pop().dispose();
  if (!mode.perfgate) {
    runtime.storage.disable();
    runtime.layer.disable();
    return;
  }
  handles.push(driver.instrument());
  if (mode.http) handles.push(instrumentHttpServers());
  runtime.settings.callSites = mode.callSites ?? true;
}

/** Runs `tests` tests in `mode`; the gate, when on, checks each test's request scopes after it. */
export async function runTests(app, mode, scopes, allowlist, tests) {
  for (let i = 0; i < tests; i++) {
    scopes.length = 0;
    await app.test();
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

