import { afterEach, describe, expect, it } from 'vitest';
import { startQuery } from '../record/recorder.js';
import { getRuntime } from '../runtime.js';
import { recordQueries } from '../scope/record-queries.js';
import type { AllowEntry, Allowlist } from './allowlist.js';
import { AllowlistIndex } from './allowlist-match.js';
import { checkScopes, formatGateFailure } from '../session/n-plus-one-gate.js';
import { drainTrackedScopes, startScopeTracking, stopScopeTracking } from '../../test/test-states.js';

const SHAPE = 'SELECT * FROM order_items WHERE order_id = ?';
const HERE = 'src/allowlist/allowlist-match.test.ts';
const allowlist = (...nPlusOne: AllowEntry[]): Allowlist => ({ version: 1, nPlusOne });

function listLegacyOrders(): void {
  for (const id of [1, 2, 3]) startQuery({ sql: 'SELECT * FROM order_items WHERE order_id = $1', values: [id], source: 'test', dialect: 'postgres' });
}

function legacyReport(): void {
  listLegacyOrders();
}

/** The gate's failure for one scope running `listLegacyOrders`, checked against `list`. */
async function gateFailure(list: Allowlist): Promise<string> {
  startScopeTracking();
  await recordQueries(legacyReport, { name: 'legacy' });
  const { unlisted } = checkScopes(drainTrackedScopes(), list);
  return formatGateFailure(unlisted, 'fail').replace(/Trace-id: +\w+/, 'Trace-id: <id>').replace(/:\d+:\d+/g, ':<line>');
}

const saved = { ...getRuntime().settings };
afterEach(() => {
  Object.assign(getRuntime().settings, saved);
  stopScopeTracking();
});

describe('AllowlistIndex', () => {
  it('finds an entry by shape, file and function, and an old "file": "" entry for an unknown site', () => {
    const index = new AllowlistIndex(allowlist({ shape: SHAPE, file: 'src/legacy.ts', function: 'listLegacyOrders' }, { shape: 'SELECT 1', file: '', function: '' }));
    expect(index.find({ shape: SHAPE, file: 'src/legacy.ts', function: 'listLegacyOrders' })).toBeDefined();
    expect(index.find({ shape: SHAPE, file: 'src/legacy.ts', function: '' })).toBeUndefined();
    expect(index.find({ shape: 'SELECT 1', site: 'unknown' })).toEqual({ shape: 'SELECT 1', file: '', function: '' });
  });

  it('#11.9 says why an entry for the same shape did not match: another function, another file, or an unknown site', () => {
    const index = new AllowlistIndex(
      allowlist(
        { shape: SHAPE, file: 'src/reports.ts', function: 'monthly' },
        { shape: SHAPE, file: 'src/legacy.ts', function: 'listLegacyOrders' },
        { shape: SHAPE, site: 'unknown' },
        { shape: 'SELECT 1', file: 'src/legacy.ts', function: '' },
      ),
    );
    expect(index.whyUnlisted({ shape: SHAPE, file: 'src/legacy.ts', function: '' })).toMatchInlineSnapshot(`
      [
        "SELECT * FROM order_items WHERE order_id = ?: listed at src/legacy.ts (listLegacyOrders), but this N+1 is at src/legacy.ts (an anonymous function); entries match on shape, file and function (a renamed function, or a name the compiled code lost: docs/n-plus-one.md#call-sites).",
        "SELECT * FROM order_items WHERE order_id = ?: listed at src/reports.ts (monthly), but this N+1 is at src/legacy.ts (an anonymous function); entries match on shape, file and function.",
        "SELECT * FROM order_items WHERE order_id = ?: listed at an unknown site ("site": "unknown"), but this N+1 is at src/legacy.ts (an anonymous function); entries match on shape, file and function.",
      ]
    `);
    expect(index.whyUnlisted({ shape: 'SELECT 2', file: 'src/legacy.ts', function: '' })).toEqual([]);
  });

  it('#11.8b says what accepting a finding without a call site would accept', () => {
    const index = new AllowlistIndex(allowlist({ shape: SHAPE, file: 'src/legacy.ts', function: 'listLegacyOrders' }));
    expect(index.whyUnlisted({ shape: SHAPE, site: 'unknown' })).toMatchInlineSnapshot(`
      [
        "SELECT * FROM order_items WHERE order_id = ?: listed at src/legacy.ts (listLegacyOrders), but this N+1 is at an unknown site ("site": "unknown"); entries match on shape, file and function.",
        "No stack reached your code, so accepting it writes "site": "unknown", which accepts this shape wherever perfgate cannot see the caller.",
      ]
    `);
  });
});

describe('the gate’s failure', () => {
  it('#11.9 names the near miss under the finding', async () => {
    expect(await gateFailure(allowlist({ shape: SHAPE, file: HERE, function: 'listOrders' }))).toMatchInlineSnapshot(`
      "perfgate nPlusOne: 'fail' — N+1 in a scope this test created

      Function: legacy
      Trace-id: <id>

      N+1:
        3 × SELECT * FROM order_items WHERE order_id = ?
            3 different parameter sets
            from  src/allowlist/allowlist-match.test.ts:<line> (listLegacyOrders)
            via   src/allowlist/allowlist-match.test.ts:<line> (legacyReport)
            fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader

      Allowlist:
        SELECT * FROM order_items WHERE order_id = ?: listed at src/allowlist/allowlist-match.test.ts (listOrders), but this N+1 is at src/allowlist/allowlist-match.test.ts (listLegacyOrders); entries match on shape, file and function (a renamed function, or a name the compiled code lost: docs/n-plus-one.md#call-sites).

      Fix the loop, or assert on it with toHaveNoNPlusOne(). To accept it as known debt, run the tests with the update flag (vitest -u)
      to add it to perfgate.allow.json; it is never written under CI=true."
    `);
  });

  it('#11.8b says so when the finding has no call site', async () => {
    getRuntime().settings.callSites = false;
    expect(await gateFailure(allowlist())).toMatchInlineSnapshot(`
      "perfgate nPlusOne: 'fail' — N+1 in a scope this test created

      Function: legacy
      Trace-id: <id>

      N+1:
        3 × SELECT * FROM order_items WHERE order_id = ?
            3 different parameter sets
            from  unknown: no stack reached your code (an ORM that builds queries lazily?), so this groups by statement shape alone
            fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader

      Allowlist:
        No stack reached your code, so accepting it writes "site": "unknown", which accepts this shape wherever perfgate cannot see the caller.

      Fix the loop, or assert on it with toHaveNoNPlusOne(). To accept it as known debt, run the tests with the update flag (vitest -u)
      to add it to perfgate.allow.json; it is never written under CI=true."
    `);
  });

  it('prints no allowlist section when nothing nearly matched', async () => {
    expect(await gateFailure(allowlist())).not.toContain('Allowlist:');
  });
});
