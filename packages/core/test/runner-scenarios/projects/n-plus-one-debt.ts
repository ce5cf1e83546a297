import type { Project } from '../scenario.js';

// An N+1 no matcher asserts on: the gate alone must find it, and the allowlist can accept it as known debt.
const legacy = `import type { PGlite } from '@electric-sql/pglite';

/** Known debt: one query per order. */
export async function listLegacyOrders(db: PGlite): Promise<unknown[]> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM orders ORDER BY id');
  const result: unknown[] = [];
  for (const order of rows) {
    result.push((await db.query('SELECT * FROM order_items WHERE order_id = $1', [order.id])).rows);
  }
  return result;
}
`;

const spec = `import { PGlite } from '@electric-sql/pglite';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, expect, test } from '@runner';
import { listLegacyOrders } from '../src/legacy.js';

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec('CREATE TABLE orders (id int); CREATE TABLE order_items (order_id int); INSERT INTO orders VALUES (1), (2), (3), (4);');
});

afterAll(() => db.close());

// No perfgate matcher here: the N+1 gate checks the request on its own.
test('GET /legacy/orders answers', async () => {
  const app = express().get('/legacy/orders', async (_req, res) => void res.json(await listLegacyOrders(db)));
  const res = await request(app).get('/legacy/orders').set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
  expect(res.body).toHaveLength(4);
});
`;

export const nPlusOneDebt: Project = {
  files: { 'src/legacy.ts': legacy, 'test/legacy.spec.ts': spec },
  include: ['test/**/*.spec.ts'],
  pglite: true,
};

/** The allowlist entry the run finds, keyed as `-u` writes it. */
export const LEGACY_ENTRY = { shape: 'SELECT * FROM order_items WHERE order_id = ?', file: 'src/legacy.ts', function: 'listLegacyOrders' };
export const ALLOWLIST = 'perfgate.allow.json';
export const allowlistText = (...entries: object[]) => `${JSON.stringify({ version: 1, nPlusOne: entries }, null, 2)}\n`;
