import type { Project } from '../scenario.js';

// The request budget on an Express endpoint over PGlite. FIXTURE_VARIANT=fixed serves /orders with two queries.
const orders = `import { PGlite } from '@electric-sql/pglite';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, expect, test } from '@runner';

// FIXTURE_VARIANT=fixed serves /orders with two queries, otherwise one query per order.
const fixed = process.env.FIXTURE_VARIANT === 'fixed';
let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec('CREATE TABLE orders (id int, email text); CREATE TABLE order_items (order_id int, sku text);');
  for (let id = 1; id <= 5; id++) {
    await db.query('INSERT INTO orders VALUES ($1, $2)', [id, \`private-\${id}@example.com\`]);
    await db.query('INSERT INTO order_items VALUES ($1, $2)', [id, 'SKU']);
  }
});

afterAll(() => db.close());

const app = express().get('/orders', async (_req, res) => {
  const { rows: orders } = await db.query<{ id: number }>('SELECT id FROM orders WHERE email <> $1', ['private-0@example.com']);
  if (fixed) {
    await db.query('SELECT * FROM order_items WHERE order_id = ANY($1)', [orders.map((o) => o.id)]);
  } else {
    for (const order of orders) await db.query('SELECT * FROM order_items WHERE order_id = $1', [order.id]);
  }
  res.json(orders);
});

test('GET /orders stays within its query budget', async () => {
  await expect(request(app).get('/orders').set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toIssueAtMost(2);
});
`;

export const ordersApi: Project = { files: { 'test/orders.spec.ts': orders }, include: ['test/**/*.spec.ts'], pglite: true };
