import { stripVTControlCharacters } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp } from '../src/app.js';
import { openTestDatabase, type TestDatabase } from '../src/db.js';
import { createSchema, seedOrders } from '../src/schema.js';

// The N+1 version of GET /orders, kept to show exactly what the gate says about it.
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await createSchema(database.db);
  await seedOrders(database.db, 5);
});

afterAll(() => database.close());

test('the query budget catches the N+1 regression and names the repeated statement', async () => {
  const app = createApp(database.db, { ordersQuery: 'one-by-one' });
  // A traceparent set by the spec is kept, so the message is reproducible.
  const req = request(app).get('/orders').set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');

  const failure = await expect(req).toIssueAtMost(2).then(
    () => undefined,
    (error: Error) => error,
  );

  expect(stripVTControlCharacters(failure?.message ?? 'the budget passed')).toMatchInlineSnapshot(`
    "expect(received).toIssueAtMost(2)

    Expected: at most 2 queries
    Received: 6 queries, 4 over budget
    Request:  GET /orders
    Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

    Statement shapes, most frequent first:
      5 × SELECT order_id, sku, quantity FROM order_items WHERE order_id = ? ORDER BY id
          from src/orders.ts:24:38 (listOrdersOneByOne)
      1 × SELECT id, customer_id FROM orders ORDER BY id"
  `);
});

test('.not: the regression does exceed the budget', async () => {
  const app = createApp(database.db, { ordersQuery: 'one-by-one' });
  await expect(request(app).get('/orders')).not.toIssueAtMost(2);
});
