import { afterEach, describe, expect, it } from 'vitest';
import { siteOf, withSiteNames } from '../../test/call-sites.js';
import { failureMessage, recorded } from '../../test/matcher-helpers.js';
import { perfgateMatchers } from '../matchers/index.js';
import { startQuery } from '../record/recorder.js';
import { createScope } from '../scope/run-in-scope.js';
import { TestSession } from './test-session.js';
import { stopScopeTracking } from '../../test/test-states.js';

expect.extend(perfgateMatchers);

/** A query whose async context was lost: it runs while a scope is open, but outside it. */
function lostQuery(id: number, values: readonly unknown[] = [id]): void {
  startQuery({ sql: `SELECT * FROM tags WHERE id = ${id}`, values, source: 'pg', dialect: 'postgres' }); // @lost
}

const SITES = { lost: siteOf(import.meta.url, 'lost', 'startQuery(') };

const IDENTITY = { id: 'unit > test', file: 'unit.test.ts', name: 'test' };
afterEach(() => stopScopeTracking());

describe('queries outside every scope while a test scope is open (#16.12)', () => {
  it('#16.12 are counted per test and said in a passing test\'s warning, with the driver and call site of the first', async () => {
    const session = new TestSession();
    const state = session.beforeTest(IDENTITY);
    const request = createScope({ kind: 'request', name: 'POST /articles' });
    lostQuery(1);
    lostQuery(2);
    lostQuery(3);
    request.close();
    const { warnings, failure } = await session.afterTest(state);
    expect(failure).toBeUndefined();
    expect(warnings.map((w) => withSiteNames(w, SITES))).toMatchInlineSnapshot(`
      [
        "perfgate: the gates passed this test, but could not see every query.

      Outside every scope:
        3 queries ran outside any scope while this test ran — async context lost? They are counted in no scope.
        first: pg SELECT * FROM tags WHERE id = ? from <lost> (lostQuery)
        a library between the request and the driver may have lost it (docs/query-budgets.md#queries-outside-every-scope)",
      ]
    `);
  });

  it('#16.12 background work with none of the test\'s scopes open stays quiet, and so does a test that opened no scope', async () => {
    const session = new TestSession();
    const state = session.beforeTest(IDENTITY);
    lostQuery(1);
    createScope({ kind: 'function', name: 'listOrders' }).close();
    lostQuery(2);
    expect((await session.afterTest(state)).warnings).toEqual([]);
  });

  it('#16.12 one query an outer layer hands its driver (the same parameters) is counted once', async () => {
    const session = new TestSession();
    const state = session.beforeTest(IDENTITY);
    createScope({ kind: 'request', name: 'GET /tags' });
    const values = [7];
    lostQuery(7, values); // pg's Pool.query…
    lostQuery(7, values); // …and the pool's client
    lostQuery(7, [7]); // the same statement again: a second query
    expect(state.outside.count).toBe(2);
  });

  it('#16.12 a failing budget says so in its message', async () => {
    const session = new TestSession();
    const state = session.beforeTest(IDENTITY);
    const request = createScope({ kind: 'request', name: 'POST /articles' });
    lostQuery(1);
    request.close();
    const message = await failureMessage(expect(await recorded(['SELECT 1', 'SELECT 2'])).toIssueAtMost(1));
    expect(withSiteNames(message, SITES)).toMatchInlineSnapshot(`
      "expect(received).toIssueAtMost(1)

      Expected: at most 1 query
      Received: 2 queries, 1 over budget
      Function: listOrders
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes, most frequent first:
        2 × SELECT ?

      Outside every scope:
        1 query ran outside any scope while this test ran — async context lost? They are counted in no scope.
        first: pg SELECT * FROM tags WHERE id = ? from <lost> (lostQuery)
        a library between the request and the driver may have lost it (docs/query-budgets.md#queries-outside-every-scope)"
    `);
    const negated = await failureMessage(expect(await recorded(['SELECT 1'])).not.toIssueAtMost(1));
    expect(negated.split('\n').slice(0, 2)).toEqual(['expect(received).not.toIssueAtMost(1)', '']);
    expect(negated).toContain('Outside every scope:\n  1 query ran outside any scope while this test ran');
    await session.afterTest(state);
  });
});
