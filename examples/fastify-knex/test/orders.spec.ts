import { perfgateFastify } from '@perfgate/vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp, orderRoutes, type OrdersQuery } from '../src/app.js';
import { openTestDatabase, type TestDatabase } from '../src/db.js';
import { clearOrders, createSchema, seedOrders } from '../src/schema.js';

// `npm run demo` sets this to serve GET /orders with the N+1 regression.
const ordersQuery = (process.env.PERFGATE_DEMO_ORDERS_QUERY ?? 'batched') as OrdersQuery;

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  await createSchema(database.db);
  await seedOrders(database.db, 5);
  app = await buildApp(database.db, { ordersQuery });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

// supertest sends real HTTP to `app.server`: perfgate's automatic node:http scoping gives each request its scope.
describe('GET /orders', () => {
  test('issues at most 2 queries however many orders there are', async () => {
    const req = request(app.server).get('/orders');
    await expect(req).toIssueAtMost(2);

    // The matcher sent the request; awaiting it again gives the same response.
    const res = await req;
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5);
  });

  test('has no N+1', async () => {
    await expect(request(app.server).get('/orders')).toHaveNoNPlusOne();
  });

  // No perfgate matcher: the plugin's N+1 gate checks this request anyway.
  test('returns each order with its items', async () => {
    const res = await request(app.server).get('/orders');
    expect(res.status).toBe(200);
    expect(res.body[0]).toEqual({ id: 1, customer_id: 1, items: [{ sku: 'SKU-0-A', quantity: 1 }, { sku: 'SKU-0-B', quantity: 2 }] });
  });
});

describe('POST /orders', () => {
  test('is one transaction: BEGIN, two inserts, COMMIT', async () => {
    const req = request(app.server).post('/orders').send({ customer_id: 1, items: [{ sku: 'NEW-A', quantity: 1 }, { sku: 'NEW-B', quantity: 3 }] });
    await expect(req).toIssueExactly(4);
    expect((await req).status).toBe(201);
    await expect(request(app.server).post('/orders').send({ customer_id: 1, items: [{ sku: 'NEW-C', quantity: 1 }] })).toIssueExactly(2, { kind: 'insert' });
  });
});

// fastify.inject() skips the HTTP server: perfgate's Fastify plugin, registered first, gives each injected request its scope.
describe('GET /orders/:id through fastify.inject()', () => {
  let injected: FastifyInstance;

  beforeAll(async () => {
    injected = Fastify();
    await injected.register(perfgateFastify);
    await injected.register(orderRoutes(database.db));
    await injected.ready();
  });

  afterAll(() => injected.close());

  test('is one select', async () => {
    await expect(injected.inject().get('/orders/1')).toIssueExactly(1, { kind: 'select' });
  });
});

describe('GET /orders at growing data sizes', () => {
  test('issues the same statements whether there are 2 orders or 5', async () => {
    await expect(() => request(app.server).get('/orders')).toIssueConstantQueries({
      populate: async (n) => {
        await clearOrders(database.db);
        await seedOrders(database.db, n);
      },
    });
  });
});
