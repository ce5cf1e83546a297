import { afterEach, describe, expect, it } from 'vitest';
import { siteOf, withSiteNames } from '../../test/call-sites.js';
import { failureMessage } from '../../test/matcher-helpers.js';
import { perfgateRejectionOf } from '../../test/rejection-of.js';
import { startQuery } from '../record/recorder.js';
import { getRuntime } from '../runtime.js';
import { perfgateMatchers } from './index.js';

expect.extend(perfgateMatchers);

// A stubbed driver: each statement is sent from a line of its own, so messages name known lines.
function loadOrder(id: number): void {
  startQuery({ sql: 'SELECT * FROM orders WHERE id = $1', values: [id], source: 'test', dialect: 'postgres' });
}

function loadItems(orderIds: readonly number[]): void {
  for (const id of orderIds) startQuery({ sql: 'SELECT * FROM items WHERE order_id = $1', values: [id], source: 'test', dialect: 'postgres' }); // @loadItems
}

function loadFlag(): void {
  startQuery({ sql: "SELECT enabled FROM flags WHERE name = 'beta'", source: 'test', dialect: 'postgres' }); // @loadFlag
}

function showOrder(): void {
  loadOrder(7);
  loadItems([1, 2, 3, 4]); // @showOrder
  for (let i = 0; i < 3; i++) loadFlag(); // @showOrder-flags
}

function showCart(): void {
  loadItems([1, 2]);
  loadFlag();
  loadFlag(); // @showCart
}

const SITES = {
  loadItems: siteOf(import.meta.url, 'loadItems', 'startQuery('),
  loadFlag: siteOf(import.meta.url, 'loadFlag', 'startQuery('),
  showOrder: siteOf(import.meta.url, 'showOrder', 'loadItems('),
  'showOrder-flags': siteOf(import.meta.url, 'showOrder-flags', 'loadFlag('),
  showCart: siteOf(import.meta.url, 'showCart', 'loadFlag('),
};

const messageOf = async (assertion: Promise<unknown>) => withSiteNames(await failureMessage(assertion), SITES);

const savedSettings = { ...getRuntime().settings };
afterEach(() => {
  Object.assign(getRuntime().settings, savedSettings);
});

describe('toHaveNoNPlusOne', () => {
  it('passes without an N+1, reporting duplicates only in messages by default', async () => {
    await expect(showCart).toHaveNoNPlusOne();
    await expect(() => loadItems([1, 2, 3])).toHaveNoNPlusOne({ threshold: 4 });
  });

  it('fails on an N+1, naming the line, the select before it and a fix, and lists duplicates', async () => {
    expect(await messageOf(expect(showOrder).toHaveNoNPlusOne())).toMatchInlineSnapshot(`
      "expect(received).toHaveNoNPlusOne()

      Expected: no statement run 3 or more times from one call site with different parameters
      Received: 1 N+1 pattern (4 queries)
      Function: showOrder
      Trace-id: <trace-id>

      N+1:
        4 × SELECT * FROM items WHERE order_id = ?
            4 different parameter sets
            from  <loadItems> (loadItems)
            via   <showOrder> (showOrder)
            after 1 × SELECT * FROM orders WHERE id = ?
            fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader

      Duplicates (same statement, same parameters):
        3 × SELECT enabled FROM flags WHERE name = ?
            from  <loadFlag> (loadFlag)
            via   <showOrder-flags> (showOrder)"
    `);
  });

  it('names the ORM operation that ran the loop', async () => {
    const loop = () => {
      for (const id of [1, 2, 3]) startQuery({ sql: `SELECT * FROM "OrderItem" WHERE "orderId" = ${id}`, source: 'prisma', dialect: 'postgres', label: 'OrderItem.findMany' });
    };
    const message = await messageOf(expect(loop).toHaveNoNPlusOne());
    expect(message).toMatch(/3 × SELECT \* FROM "OrderItem" WHERE "orderId" = \?\n +3 different parameter sets\n +by {4}OrderItem\.findMany\n +from {2}src\/matchers\/to-have-no-n-plus-one\.test\.ts:\d+:\d+/);
  });

  it('fails under .not when there is no N+1', async () => {
    expect(await messageOf(expect(showCart).not.toHaveNoNPlusOne())).toMatchInlineSnapshot(`
      "expect(received).not.toHaveNoNPlusOne()

      Expected: an N+1 pattern
      Received: none
      Function: showCart
      Trace-id: <trace-id>

      Duplicates (same statement, same parameters):
        2 × SELECT enabled FROM flags WHERE name = ?
            from  <loadFlag> (loadFlag)
            via   <showCart> (showCart)"
    `);
  });

  it("fails on duplicates with duplicates: 'fail'", async () => {
    expect(await messageOf(expect(showCart).toHaveNoNPlusOne({ duplicates: 'fail' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveNoNPlusOne()

      Expected: no statement run 3 or more times from one call site with different parameters, and no duplicates
      Received: 1 duplicated statement
      Function: showCart
      Trace-id: <trace-id>

      Duplicates (same statement, same parameters):
        2 × SELECT enabled FROM flags WHERE name = ?
            from  <loadFlag> (loadFlag)
            via   <showCart> (showCart)"
    `);
  });

  it("leaves duplicates out of the message with duplicates: 'off'", async () => {
    expect(await messageOf(expect(showOrder).toHaveNoNPlusOne({ duplicates: 'off' }))).toMatchInlineSnapshot(`
      "expect(received).toHaveNoNPlusOne()

      Expected: no statement run 3 or more times from one call site with different parameters
      Received: 1 N+1 pattern (4 queries)
      Function: showOrder
      Trace-id: <trace-id>

      N+1:
        4 × SELECT * FROM items WHERE order_id = ?
            4 different parameter sets
            from  <loadItems> (loadItems)
            via   <showOrder> (showOrder)
            after 1 × SELECT * FROM orders WHERE id = ?
            fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader"
    `);
  });

  it('says when no stack reached the user’s code', async () => {
    getRuntime().settings.callSites = false;
    expect(await messageOf(expect(() => loadItems([1, 2, 3])).toHaveNoNPlusOne())).toMatchInlineSnapshot(`
      "expect(received).toHaveNoNPlusOne()

      Expected: no statement run 3 or more times from one call site with different parameters
      Received: 1 N+1 pattern (3 queries)
      Function: anonymous function
      Trace-id: <trace-id>

      N+1:
        3 × SELECT * FROM items WHERE order_id = ?
            3 different parameter sets
            from  unknown: no stack reached your code (an ORM that builds queries lazily?), so this groups by statement shape alone
            fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader"
    `);
  });

  it('#11.12 reports the true count of a loop that ran past maxQueriesPerScope', async () => {
    getRuntime().settings.maxQueriesPerScope = 100;
    const message = await messageOf(expect(function loadAll() {
      loadItems(Array.from({ length: 20_000 }, (_, i) => i));
    }).toHaveNoNPlusOne());
    expect(message).toContain('Received: 1 N+1 pattern (20,000 queries)');
    expect(message).toMatch(/\n {2}20,000 × SELECT \* FROM items WHERE order_id = \?\n {11}100 different parameter sets\n {11}19,900 runs past the record limit \(maxQueriesPerScope\): counted, without parameters or call site\n/);
  });

  it('rejects bad options and what it cannot scope, before running anything', async () => {
    expect(await perfgateRejectionOf(() => expect(showOrder).toHaveNoNPlusOne({ treshold: 3 } as never), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toHaveNoNPlusOne: unknown option "treshold"; the options are "threshold", "duplicates"."`);
    expect(await perfgateRejectionOf(() => expect(showOrder).toHaveNoNPlusOne({ threshold: 1 }), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toHaveNoNPlusOne: option "threshold" must be a whole number, 2 or more; received number 1."`);
    expect(await perfgateRejectionOf(() => expect(showOrder).toHaveNoNPlusOne({ duplicates: 'warn' } as never), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toHaveNoNPlusOne: option "duplicates" must be one of 'fail', 'report', 'off'; received the string "warn"."`);
    expect(await perfgateRejectionOf(() => expect(42).toHaveNoNPlusOne(), 'INVALID_RECEIVED')).toMatchInlineSnapshot(`"toHaveNoNPlusOne: expect() received number 42; pass an unsent supertest request (\`request(app).get(path)\`) or \`app.inject().get(path)\` chain, a function to run in its own scope, or the result of \`recordQueries()\`."`);
  });
});
