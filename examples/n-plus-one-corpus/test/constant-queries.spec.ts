import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openCorpusDatabase, type CorpusDatabase } from '../src/db.js';
import { batched } from '../src/scenarios/batched.js';
import { loopOverRows } from '../src/scenarios/loop-over-rows.js';
import { addOrders, deleteOrders } from '../src/seed.js';
import { failureMessage } from './support/failure-message.js';

// No orders until `populate(n)` adds n of them; `cleanup` deletes them again.
let database: CorpusDatabase;
beforeAll(async () => {
  database = await openCorpusDatabase();
});
afterAll(() => database.close());

const scaling = {
  populate: (n: number) => addOrders(database.db, n),
  cleanup: () => deleteOrders(database.db),
};

describe('toIssueConstantQueries', () => {
  test('fails on the loop over rows: its item queries grow with the orders', async () => {
    await expect(() => loopOverRows(database.db)).not.toIssueConstantQueries(scaling);
  });

  test('passes on the batched query', async () => {
    await expect(() => batched(database.db)).toIssueConstantQueries(scaling);
  });

  test('failure message on the loop', async () => {
    expect(await failureMessage(expect(() => loopOverRows(database.db)).toIssueConstantQueries(scaling))).toMatchInlineSnapshot(`
      "expect(received).toIssueConstantQueries()

      Expected: the same number of each statement at n = 2, 5
      Received: 1 statement shape grew with n (3 → 6 queries in all)
      Function: anonymous function

      Grew with n:
        SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE order_id = ? ORDER BY id: 2 at n=2, 5 at n=5
          from src/scenarios/loop-over-rows.ts:10:38 (loopOverRows)

      Did not grow:
        1 × SELECT id, customer FROM orders ORDER BY id

      Trace-ids:
        n=2: <trace-id>
        n=5: <trace-id>"
    `);
  });

  test('.not failure message on the batched query', async () => {
    expect(await failureMessage(expect(() => batched(database.db)).not.toIssueConstantQueries({ ...scaling, scales: [1, 3, 6] }))).toMatchInlineSnapshot(`
      "expect(received).not.toIssueConstantQueries()

      Expected: a statement that runs more often as the data grows (n = 1, 3, 6)
      Received: every statement constant (2 queries at each scale)
      Function: anonymous function

      Did not grow:
        1 × SELECT id, customer FROM orders ORDER BY id
        1 × SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE order_id = ANY(?) ORDER BY id

      Trace-ids:
        n=1: <trace-id>
        n=3: <trace-id>
        n=6: <trace-id>"
    `);
  });
});
