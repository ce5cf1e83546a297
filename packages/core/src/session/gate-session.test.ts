import { afterEach, describe, expect, it, vi } from 'vitest';
import { siteOf, withSiteNames } from '../../test/call-sites.js';
import { thrownBy } from '../../test/thrown-by.js';
import { PerfgateError } from '../errors.js';
import { perfgateMatchers } from '../matchers/index.js';
import { startQuery } from '../record/recorder.js';
import { startScopeTracking, stopScopeTracking } from '../../test/test-states.js';
import { recordQueries } from '../scope/record-queries.js';
import { serializeAllowlist, type AllowEntry } from '../allowlist/allowlist.js';
import { GateSession, type GateSessionOptions, type TestVerdict } from './gate-session.js';

expect.extend(perfgateMatchers);

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

function loadItems(orderIds: readonly number[]): void {
  for (const id of orderIds) startQuery({ sql: 'SELECT * FROM items WHERE order_id = $1', values: [id], source: 'test', dialect: 'postgres' }); // @loadItems
}

function loadUsers(userIds: readonly number[]): void {
  for (const id of userIds) startQuery({ sql: 'SELECT * FROM users WHERE id = $1', values: [id], source: 'test', dialect: 'postgres' }); // @loadUsers
}

function listOrders(): void {
  loadItems([1, 2, 3]); // @listOrders
}

function listComments(): void {
  loadUsers([1, 2, 3]);
}

function loadDashboard(): void {
  startQuery({ sql: 'SELECT count(*) FROM orders', source: 'test', dialect: 'postgres' });
  startQuery({ sql: 'SELECT count(*) FROM users', source: 'test', dialect: 'postgres' });
}

const SITES = {
  loadItems: siteOf(import.meta.url, 'loadItems', 'startQuery('),
  listOrders: siteOf(import.meta.url, 'listOrders', 'loadItems('),
};
const ITEMS: AllowEntry = { shape: 'SELECT * FROM items WHERE order_id = ?', file: SITES.loadItems.file, function: 'loadItems' };
const USERS: AllowEntry = { shape: 'SELECT * FROM users WHERE id = ?', file: SITES.loadItems.file, function: 'loadUsers' };

/** A session over an allowlist holding `allowed` (missing when undefined), with the read function it uses. */
function session(allowed: readonly AllowEntry[] | undefined, options: Partial<GateSessionOptions> = {}) {
  const readFile = vi.fn((path: string): string => {
    if (allowed === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return serializeAllowlist(allowed);
  });
  const gate = new GateSession({ mode: 'fail', threshold: 3, allowlistPath: '/repo/perfgate.allow.json', allowlistName: 'perfgate.allow.json', update: false, updateCommand: 'vitest -u', readFile, ...options });
  return { gate, readFile };
}

/** Runs one test's worth of work between the session's hooks. */
async function runTest(gate: GateSession, work: () => Promise<unknown>): Promise<TestVerdict> {
  const state = startScopeTracking();
  await work();
  return gate.afterTest(state);
}

afterEach(() => {
  stopScopeTracking();
});

describe('GateSession', () => {
  it('passes a test whose scopes have no N+1, reading the allowlist once, when first needed', async () => {
    const { gate, readFile } = session(undefined);
    const state = startScopeTracking();
    expect(readFile).not.toHaveBeenCalled();
    await recordQueries(loadDashboard);
    expect(gate.afterTest(state)).toEqual({ outcome: 'pass' });
    expect(await runTest(gate, () => recordQueries(() => loadItems([1, 2])))).toEqual({ outcome: 'pass' });
    expect(readFile).toHaveBeenCalledTimes(1);
    expect(readFile).toHaveBeenCalledWith('/repo/perfgate.allow.json');
    expect(gate.report()).toEqual({ matched: [], added: [], unlisted: [] });
  });

  it('fails a test that created a scope with an unlisted N+1, with the gate’s message', async () => {
    const { gate } = session(undefined);
    const verdict = await runTest(gate, () => recordQueries(listOrders, { traceId: TRACE_ID }));
    expect(verdict.outcome).toBe('fail');
    expect(withSiteNames((verdict as { message: string }).message, SITES)).toMatchInlineSnapshot(`
      "perfgate nPlusOne: 'fail' — N+1 in a scope this test created

      Function: listOrders
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      N+1:
        3 × SELECT * FROM items WHERE order_id = ?
            3 different parameter sets
            from  <loadItems> (loadItems)
            via   <listOrders> (listOrders)
            fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader

      Fix the loop, or assert on it with toHaveNoNPlusOne(). To accept it as known debt, run the tests with the update flag (vitest -u)
      to add it to perfgate.allow.json; it is never written under CI=true."
    `);
    // The run's report lists it as what the update flag would add.
    expect(gate.report().unlisted).toEqual([expect.objectContaining({ shape: 'SELECT * FROM items WHERE order_id = ?' })]);
  });

  it('only warns in warn mode', async () => {
    const { gate } = session(undefined, { mode: 'warn' });
    const verdict = await runTest(gate, () => recordQueries(listOrders));
    expect(verdict).toMatchObject({ outcome: 'warn', message: expect.stringMatching(/^perfgate nPlusOne: 'warn'/) });
  });

  it('judges each test by the scopes it created', async () => {
    const { gate } = session(undefined);
    expect((await runTest(gate, () => recordQueries(listOrders))).outcome).toBe('fail');
    // Created between tests: neither this test's nor the next one's.
    await recordQueries(listComments);
    expect(await runTest(gate, () => recordQueries(loadDashboard))).toEqual({ outcome: 'pass' });
  });

  it('passes listed N+1s and reports each allowlist entry it needed once', async () => {
    const { gate } = session([ITEMS, USERS]);
    expect(await runTest(gate, () => recordQueries(listOrders))).toEqual({ outcome: 'pass' });
    expect(await runTest(gate, () => recordQueries(listOrders))).toEqual({ outcome: 'pass' });
    expect(gate.report()).toEqual({ matched: [ITEMS], added: [], unlisted: [] });
  });

  it('passes a scope a matcher judged', async () => {
    const { gate } = session(undefined);
    expect(await runTest(gate, () => expect(listOrders).not.toHaveNoNPlusOne())).toEqual({ outcome: 'pass' });
  });

  it('in update mode records new N+1s for the allowlist instead of failing', async () => {
    const { gate } = session([ITEMS], { update: true });
    expect(await runTest(gate, () => recordQueries(listComments))).toEqual({ outcome: 'pass' });
    expect(
      await runTest(gate, async () => {
        await recordQueries(listComments);
        await recordQueries(listOrders);
      }),
    ).toEqual({ outcome: 'pass' });
    const report = gate.report();
    expect(report).toEqual({ matched: [ITEMS], added: [USERS], unlisted: [] });
    // It crosses from the worker to the main process as JSON.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('fails the first test that needs a corrupt allowlist (one that created a scope), naming the file', async () => {
    const gate = new GateSession({ mode: 'fail', threshold: 3, allowlistPath: '/repo/perfgate.allow.json', allowlistName: 'perfgate.allow.json', update: true, updateCommand: 'vitest -u', readFile: () => '{"version":1}' });
    expect(gate.afterTest(startScopeTracking())).toEqual({ outcome: 'pass' }); // no scope, nothing to check: the file is not read yet
    const state = startScopeTracking();
    await recordQueries(() => undefined);
    const error = thrownBy(() => gate.afterTest(state));
    expect(error).toBeInstanceOf(PerfgateError);
    expect(error.message).toMatch(/^perfgate: \/repo\/perfgate\.allow\.json is not a valid allowlist: "nPlusOne" must be an array/);
  });

  it('applies its threshold', async () => {
    const { gate } = session(undefined, { threshold: 4 });
    expect(await runTest(gate, () => recordQueries(listOrders))).toEqual({ outcome: 'pass' });
  });
});
