import { afterAll, beforeAll, expect, test } from 'vitest';
import { openCorpusDatabase, type CorpusDatabase } from '../src/db.js';
import { batched } from '../src/scenarios/batched.js';
import { duplicateStatement } from '../src/scenarios/duplicate-statement.js';
import { lazyLoading } from '../src/scenarios/lazy-loading.js';
import { loopOverRows } from '../src/scenarios/loop-over-rows.js';
import { loopThroughHelper } from '../src/scenarios/loop-through-helper.js';
import { nestedLoops } from '../src/scenarios/nested-loops.js';
import { addOrders } from '../src/seed.js';
import { failureMessage } from './support/failure-message.js';

// The full text of toHaveNoNPlusOne's failures on the corpus, pinned.
let database: CorpusDatabase;
beforeAll(async () => {
  database = await openCorpusDatabase();
  await addOrders(database.db, 5);
});
afterAll(() => database.close());

test('a loop over rows: count, shape, line, the query before the loop, the fix', async () => {
  expect(await failureMessage(expect(() => loopOverRows(database.db)).toHaveNoNPlusOne())).toMatchInlineSnapshot(`
    "expect(received).toHaveNoNPlusOne()

    Expected: no statement run 3 or more times from one call site with different parameters
    Received: 1 N+1 pattern (5 queries)
    Function: anonymous function
    Trace-id: <trace-id>

    N+1:
      5 × SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE order_id = ? ORDER BY id
          5 different parameter sets
          from  src/scenarios/loop-over-rows.ts:10:38 (loopOverRows)
          via   test/support/failure-message.ts:10:5 (failureMessage)
          after 1 × SELECT id, customer FROM orders ORDER BY id
          fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader"
  `);
});

test('nested loops: one finding per level, each with its line', async () => {
  expect(await failureMessage(expect(() => nestedLoops(database.db)).toHaveNoNPlusOne())).toMatchInlineSnapshot(`
    "expect(received).toHaveNoNPlusOne()

    Expected: no statement run 3 or more times from one call site with different parameters
    Received: 2 N+1 patterns (15 queries)
    Function: anonymous function
    Trace-id: <trace-id>

    N+1:
      10 × SELECT id, sku, name FROM products WHERE id = ?
           4 different parameter sets
           from  src/scenarios/nested-loops.ts:15:43 (nestedLoops)
           via   test/support/failure-message.ts:10:5 (failureMessage)
           fix   load them in one query (WHERE id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader
      5 × SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE order_id = ? ORDER BY id
          5 different parameter sets
          from  src/scenarios/nested-loops.ts:12:38 (nestedLoops)
          via   test/support/failure-message.ts:10:5 (failureMessage)
          after 1 × SELECT id, customer FROM orders ORDER BY id
          fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader

    Duplicates (same statement, same parameters):
      10 × SELECT id, sku, name FROM products WHERE id = ?
           from  src/scenarios/nested-loops.ts:15:43 (nestedLoops)
           via   test/support/failure-message.ts:10:5 (failureMessage)"
  `);
});

test("a helper in another file: the helper's line, via the loop's", async () => {
  expect(await failureMessage(expect(() => loopThroughHelper(database.db)).toHaveNoNPlusOne())).toMatchInlineSnapshot(`
    "expect(received).toHaveNoNPlusOne()

    Expected: no statement run 3 or more times from one call site with different parameters
    Received: 1 N+1 pattern (5 queries)
    Function: anonymous function
    Trace-id: <trace-id>

    N+1:
      5 × SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE order_id = ? ORDER BY id
          5 different parameter sets
          from  src/repository/load-items.ts:7:29 (loadItems)
          via   src/scenarios/loop-through-helper.ts:11:42 (loopThroughHelper)
          after 1 × SELECT id, customer FROM orders ORDER BY id
          fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader"
  `);
});

test('lazy loading: the call site is unknown, and the message says why', async () => {
  expect(await failureMessage(expect(() => lazyLoading(database.db)).toHaveNoNPlusOne())).toMatchInlineSnapshot(`
    "expect(received).toHaveNoNPlusOne()

    Expected: no statement run 3 or more times from one call site with different parameters
    Received: 1 N+1 pattern (5 queries)
    Function: anonymous function
    Trace-id: <trace-id>

    N+1:
      5 × SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE order_id = ? ORDER BY id
          5 different parameter sets
          from  unknown: no stack reached your code (an ORM that builds queries lazily?), so this groups by statement shape alone
          after 1 × SELECT id, customer FROM orders ORDER BY id
          fix   load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader"
  `);
});

test("a duplicate with { duplicates: 'fail' }", async () => {
  expect(await failureMessage(expect(() => duplicateStatement(database.db)).toHaveNoNPlusOne({ duplicates: 'fail' }))).toMatchInlineSnapshot(`
    "expect(received).toHaveNoNPlusOne()

    Expected: no statement run 3 or more times from one call site with different parameters, and no duplicates
    Received: 1 duplicated statement
    Function: anonymous function
    Trace-id: <trace-id>

    Duplicates (same statement, same parameters):
      3 × SELECT id, customer FROM orders WHERE id = ?
          from  src/scenarios/duplicate-statement.ts:9:31 (duplicateStatement)
          via   test/support/failure-message.ts:10:5 (failureMessage)"
  `);
});

test('.not on the batched query', async () => {
  expect(await failureMessage(expect(() => batched(database.db)).not.toHaveNoNPlusOne())).toMatchInlineSnapshot(`
    "expect(received).not.toHaveNoNPlusOne()

    Expected: an N+1 pattern
    Received: none
    Function: anonymous function
    Trace-id: <trace-id>"
  `);
});
