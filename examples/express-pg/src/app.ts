import express from 'express';
import type { Db } from './db.js';
import { listCustomerOrdersLegacy } from './legacy.js';
import { listOrders, listOrdersOneByOne } from './orders.js';

export type OrdersQuery = 'batched' | 'one-by-one';

export interface AppOptions {
  /** Which implementation serves GET /orders: the fix, or the N+1 regression. */
  readonly ordersQuery?: OrdersQuery;
}

export function createApp(db: Db, { ordersQuery = 'batched' }: AppOptions = {}): express.Express {
  const app = express();
  app.get('/orders', async (_req, res) => {
    res.json(ordersQuery === 'batched' ? await listOrders(db) : await listOrdersOneByOne(db));
  });
  app.get('/orders/:id', async (req, res) => {
    const { rows } = await db.query('SELECT id, customer_id FROM orders WHERE id = $1', [Number(req.params.id)]);
    if (rows.length === 0) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.json(rows[0]);
  });
  app.get('/customers/:id/orders', async (req, res) => {
    res.json(await listCustomerOrdersLegacy(db, Number(req.params.id)));
  });
  return app;
}
