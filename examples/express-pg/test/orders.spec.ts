import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type OrdersQuery } from '../src/app.js';
import { openTestDatabase, type TestDatabase } from '../src/db.js';
import { listOrders } from '../src/orders.js';
import { createSchema, seedOrders } from '../src/schema.js';

// `npm run demo` sets this to serve GET /orders with the N+1 regression.
const ordersQuery = (process.env.PERFGATE_DEMO_ORDERS_QUERY ?? 'batched') as OrdersQuery;

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await createSchema(database.db);
  await seedOrders(database.db, 5);
});

afterAll(() => database.close());

describe('GET /orders', () => {
  test('issues at most 2 queries however many orders there are', async () => {
    const app = createApp(database.db, { ordersQuery });
    const req = request(app).get('/orders');
    await expect(req).toIssueAtMost(2);

    // The matcher sent the request; awaiting it again gives the same response.
    const res = await req;
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5);
  });

  test('reads the orders table once', async () => {
    const app = createApp(database.db, { ordersQuery });
    await expect(request(app).get('/orders')).toIssueExactly(1, { match: /from orders/i });
  });
});

describe('GET /orders/:id', () => {
  test('is one select', async () => {
    await expect(request(createApp(database.db)).get('/orders/1')).toIssueExactly(1, { kind: 'select' });
  });
});

describe('listOrders()', () => {
  test('issues exactly 2 queries', async () => {
    await expect(() => listOrders(database.db)).toIssueExactly(2);
  });
});
