import request from 'supertest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp } from '../src/app.js';
import { openTestDatabase, type TestDatabase } from '../src/db.js';
import { createSchema, seedOrders } from '../src/schema.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await createSchema(database.db);
  await seedOrders(database.db, 3);
});

afterAll(() => database.close());

// No perfgate matcher: the plugin's N+1 gate checks this request anyway. Its loop
// is known debt listed in perfgate.allow.json (written by `vitest -u`), so it passes;
// remove the entry and this test fails, naming src/legacy.ts.
test('GET /customers/:id/orders lists the customer’s orders with item counts', async () => {
  const res = await request(createApp(database.db)).get('/customers/1/orders');
  expect(res.status).toBe(200);
  expect(res.body).toEqual([
    { id: 1, items: 2 },
    { id: 2, items: 2 },
    { id: 3, items: 2 },
  ]);
});
