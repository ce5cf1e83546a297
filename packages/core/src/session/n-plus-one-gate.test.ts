import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteOf, withSiteNames } from '../../test/call-sites.js';
import { TRACE_ID } from '../../test/matcher-helpers.js';
import { perfgateMatchers } from '../matchers/index.js';
import { startQuery } from '../record/recorder.js';
import { recordQueries } from '../scope/record-queries.js';
import { createScope, runInScope } from '../scope/run-in-scope.js';
import { EMPTY_ALLOWLIST, type AllowEntry } from '../allowlist/allowlist.js';
import { checkScopes, exemptFromGate, formatGateFailure } from './n-plus-one-gate.js';
import { currentTestState } from './test-state.js';
import { drainTrackedScopes, startScopeTracking, stopScopeTracking } from '../../test/test-states.js';

expect.extend(perfgateMatchers);

const OTHER_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const ITEMS_SHAPE = 'SELECT * FROM items WHERE order_id = ?';
const PRICES_SHAPE = 'SELECT * FROM prices WHERE item_id = ?';

function loadItems(orderIds: readonly number[]): void {
  for (const id of orderIds) startQuery({ sql: 'SELECT * FROM items WHERE order_id = $1', values: [id], source: 'test', dialect: 'postgres' }); // @loadItems
}

function loadPrices(itemIds: readonly number[]): void {
  for (const id of itemIds) startQuery({ sql: `SELECT * FROM prices WHERE item_id = ${id}`, source: 'test', dialect: 'postgres' }); // @loadPrices
}

function listOrders(): void {
  loadItems([1, 2, 3]); // @listOrders
}

function showOrder(): void {
  loadPrices([10, 11, 12, 13]); // @showOrder
}

const SITES = {
  loadItems: siteOf(import.meta.url, 'loadItems', 'startQuery('),
  loadPrices: siteOf(import.meta.url, 'loadPrices', 'startQuery('),
  listOrders: siteOf(import.meta.url, 'listOrders', 'loadItems('),
  showOrder: siteOf(import.meta.url, 'showOrder', 'loadPrices('),
};

const ITEMS_ENTRY: AllowEntry = { shape: ITEMS_SHAPE, file: SITES.loadItems.file, function: 'loadItems' };

/** A request scope nested in the current one, as the http instrumentation opens it. */
function inRequest<T>(traceId: string, fn: () => T): T {
  return runInScope(createScope({ kind: 'request', name: 'GET /orders/7', traceId, method: 'GET', path: '/orders/7' }), fn);
}

afterEach(() => {
  stopScopeTracking();
});

describe('scope tracking', () => {
  it('collects the scopes created between start and drain, nested ones too, in the order they opened', async () => {
    createScope({ kind: 'function', name: 'before tracking' });
    startScopeTracking();
    await recordQueries(
      async () => {
        await recordQueries(() => undefined, { name: 'inner' });
        inRequest(OTHER_TRACE_ID, () => undefined);
      },
      { name: 'outer' },
    );
    expect(drainTrackedScopes().map((scope) => scope.name)).toEqual(['outer', 'inner', 'GET /orders/7']);
    expect(drainTrackedScopes()).toEqual([]);
    // Tracking stays on until the next start.
    createScope({ kind: 'function', name: 'after drain' });
    expect(drainTrackedScopes().map((scope) => scope.name)).toEqual(['after drain']);
  });

  it('collects nothing while tracking is off', async () => {
    await recordQueries(() => loadItems([1, 2, 3]));
    expect(currentTestState()).toBeUndefined();
    expect(drainTrackedScopes()).toEqual([]);
  });

  it('forgets earlier scopes and exemptions when it starts again', async () => {
    startScopeTracking();
    const earlier = await recordQueries(listOrders);
    exemptFromGate(earlier);
    exemptFromGate(earlier.traceId);
    const next = startScopeTracking();
    expect([next.exempt.size, next.exemptTraces.size]).toEqual([0, 0]);
    expect(drainTrackedScopes()).toEqual([]);
  });
});

describe('checkScopes', () => {
  beforeEach(() => {
    startScopeTracking();
  });

  it('reports an N+1 the allowlist does not cover, with its allowlist entry', async () => {
    await recordQueries(listOrders, { traceId: TRACE_ID });
    const [scope] = drainTrackedScopes();
    const { unlisted, matched } = checkScopes([scope!], EMPTY_ALLOWLIST);
    expect(matched).toEqual([]);
    expect(unlisted).toHaveLength(1);
    expect(unlisted[0]!.scope).toBe(scope);
    expect(unlisted[0]!.finding).toMatchObject({ type: 'n-plus-one', shape: ITEMS_SHAPE, count: 3, callSites: [{ ...SITES.loadItems, functionName: 'loadItems' }, { ...SITES.listOrders, functionName: 'listOrders' }] });
    expect(unlisted[0]!.entry).toEqual(ITEMS_ENTRY);
  });

  it('checks each scope’s own queries: a nested request’s N+1 is reported once, in the request', async () => {
    await recordQueries(
      () => {
        showOrder();
        inRequest(OTHER_TRACE_ID, listOrders);
      },
      { traceId: TRACE_ID, name: 'page' },
    );
    const scopes = drainTrackedScopes();
    const [outer, request] = scopes;
    expect(outer!.queries).toHaveLength(7);
    const { unlisted } = checkScopes(scopes, EMPTY_ALLOWLIST);
    expect(unlisted.map(({ scope, finding }) => [scope, finding.shape, finding.count])).toEqual([
      [outer, PRICES_SHAPE, 4],
      [request, ITEMS_SHAPE, 3],
    ]);
  });

  it('skips a scope exempted from the gate', async () => {
    await recordQueries(listOrders, { traceId: TRACE_ID });
    await recordQueries(showOrder, { traceId: OTHER_TRACE_ID });
    exemptFromGate(TRACE_ID);
    const { unlisted } = checkScopes(drainTrackedScopes(), EMPTY_ALLOWLIST);
    expect(unlisted.map(({ finding }) => finding.shape)).toEqual([PRICES_SHAPE]);
  });

  it('ignores exemptions made while tracking is off: the next test does not inherit them', async () => {
    stopScopeTracking();
    exemptFromGate(TRACE_ID);
    startScopeTracking();
    await recordQueries(listOrders, { traceId: TRACE_ID });
    expect(checkScopes(drainTrackedScopes(), EMPTY_ALLOWLIST).unlisted).toHaveLength(1);
  });

  it('a result exempts its own scopes: another scope that shares its trace-id is still gated', async () => {
    const judged = await recordQueries(listOrders, { traceId: TRACE_ID, name: 'judged' });
    await recordQueries(listOrders, { traceId: TRACE_ID, name: 'beside' });
    exemptFromGate(judged);
    expect(checkScopes(drainTrackedScopes(), EMPTY_ALLOWLIST).unlisted.map(({ scope }) => scope.name)).toEqual(['beside']);
  });

  it('matches the allowlist by shape, file and function', async () => {
    await recordQueries(listOrders);
    const scopes = drainTrackedScopes();
    const allowing = (...entries: AllowEntry[]) => checkScopes(scopes, { version: 1, nPlusOne: entries });

    const listed = allowing({ ...ITEMS_ENTRY }, { ...ITEMS_ENTRY, shape: PRICES_SHAPE });
    expect(listed.unlisted).toEqual([]);
    expect(listed.matched).toEqual([ITEMS_ENTRY]);

    for (const near of [{ ...ITEMS_ENTRY, function: 'listOrders' }, { ...ITEMS_ENTRY, file: 'src/other.ts' }, { ...ITEMS_ENTRY, file: '', function: '' }, { ...ITEMS_ENTRY, shape: 'SELECT * FROM items WHERE id = ?' }]) {
      expect(allowing(near)).toMatchObject({ unlisted: [{ entry: ITEMS_ENTRY }], matched: [] });
    }
  });

  it('applies the threshold it is given', async () => {
    await recordQueries(listOrders);
    const scopes = drainTrackedScopes();
    expect(checkScopes(scopes, EMPTY_ALLOWLIST, 4).unlisted).toEqual([]);
    expect(checkScopes(scopes, EMPTY_ALLOWLIST, 3).unlisted).toHaveLength(1);
  });
});

describe('formatGateFailure', () => {
  it('lists the findings per scope and says how to fix or accept them', async () => {
    startScopeTracking();
    await recordQueries(
      () => {
        showOrder();
        inRequest(OTHER_TRACE_ID, listOrders);
      },
      { traceId: TRACE_ID, name: 'renderOrderPage' },
    );
    const { unlisted } = checkScopes(drainTrackedScopes(), EMPTY_ALLOWLIST);
    expect(withSiteNames(formatGateFailure(unlisted, 'fail'), SITES)).toMatchInlineSnapshot(`
      "perfgate nPlusOne: 'fail' — N+1 in a scope this test created

      Function: renderOrderPage
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      N+1:
        4 × SELECT * FROM prices WHERE item_id = ?
            4 different parameter sets
            from  <loadPrices> (loadPrices)
            via   <showOrder> (showOrder)
            fix   load them in one query (WHERE item_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader

      perfgate nPlusOne: 'fail' — N+1 in a scope this test created

      Request:  GET /orders/7
      Trace-id: 0af7651916cd43dd8448eb211c80319c

      N+1:
        3 × SELECT * FROM items WHERE order_id = ?
            3 different parameter sets
            from  <loadItems> (loadItems)
            via   <listOrders> (listOrders)
            fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader

      Fix the loop, or assert on it with toHaveNoNPlusOne(). To accept it as known debt, run the tests with the update flag (vitest -u)
      to add it to perfgate.allow.json; it is never written under CI=true."
    `);
  });

  it('names the mode and the allowlist it was given', async () => {
    startScopeTracking();
    await recordQueries(listOrders, { traceId: TRACE_ID });
    const message = formatGateFailure(checkScopes(drainTrackedScopes(), EMPTY_ALLOWLIST).unlisted, 'warn', 'config/n-plus-one.allow.json');
    expect(message).toMatch(/^perfgate nPlusOne: 'warn' — N\+1 in a scope this test created\n/);
    expect(message).toMatch(/to add it to config\/n-plus-one\.allow\.json; it is never written under CI=true\.$/);
  });
});

describe('matchers take over the scopes they judged', () => {
  beforeEach(() => {
    startScopeTracking();
  });

  /** N+1 findings the gate would report for the scopes created so far. */
  const gateFindings = () => checkScopes(drainTrackedScopes(), EMPTY_ALLOWLIST).unlisted.map(({ scope }) => scope.name);

  it('toIssueAtMost leaves a passing scope to the gate', async () => {
    await expect(listOrders).toIssueAtMost(3);
    expect(gateFindings()).toEqual(['listOrders']);
  });

  it('toIssueAtMost takes over a failing scope, and any under .not', async () => {
    await expect(expect(listOrders).toIssueAtMost(2)).rejects.toThrow(/toIssueAtMost/);
    await expect(showOrder).not.toIssueAtMost(3);
    expect(gateFindings()).toEqual([]);
  });

  it('toHaveNoNPlusOne takes over the scope it judged', async () => {
    await expect(listOrders).not.toHaveNoNPlusOne();
    await expect(expect(showOrder).toHaveNoNPlusOne()).rejects.toThrow(/toHaveNoNPlusOne/);
    expect(gateFindings()).toEqual([]);
  });

  it('toIssueConstantQueries takes over the scope of each run', async () => {
    await expect(function listItems(n: number) {
      loadItems(Array.from({ length: n }, (_, i) => i));
    }).not.toIssueConstantQueries({ populate: () => undefined, scales: [3, 4, 6] });
    expect(gateFindings()).toEqual([]);
  });

  it('exempts nothing while tracking is off', async () => {
    stopScopeTracking();
    await expect(listOrders).not.toHaveNoNPlusOne();
    const next = startScopeTracking();
    expect([next.exempt.size, next.exemptTraces.size]).toEqual([0, 0]);
  });
});
