// The app the real-driver group serves: an Express orders API over a `db`
// with pg's `query(text, values)` (a pg.Pool or PGlite), the shape of
// examples/express-pg. One "test" is four requests; in a test with the loop,
// one of them is the (allowlisted) N+1 endpoint.
import { once } from 'node:events';
import http from 'node:http';
import express from 'express';

/** Orders the N+1 endpoint loops over (one items query each). */
export const LOOP_ORDERS = 20;
/** Requests per test: the list, one order, the N+1 list, a customer summary. */
export const REQUESTS_PER_TEST = 4;
/** Queries per test with the loop: 2 + 1 + (1 + LOOP_ORDERS) + 3. */
export const QUERIES_PER_TEST = 2 + 1 + (1 + LOOP_ORDERS) + 3;
/** Queries per test without it (another order instead of the N+1 list): 2 + 1 + 1 + 3. */
export const QUERIES_PER_TEST_WITHOUT_LOOP = 2 + 1 + 1 + 3;

export async function createSchema(db) {
  await db.query('CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL)');
  await db.query('CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id), placed_at timestamptz NOT NULL DEFAULT now())');
  await db.query('CREATE TABLE order_items (id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders(id), sku text NOT NULL, quantity int NOT NULL)');
  const { rows } = await db.query('INSERT INTO customers (name, email) VALUES ($1, $2) RETURNING id', ['Ada', 'ada@example.com']);
  for (let i = 0; i < LOOP_ORDERS; i++) {
    const order = await db.query('INSERT INTO orders (customer_id) VALUES ($1) RETURNING id', [rows[0].id]);
    await db.query('INSERT INTO order_items (order_id, sku, quantity) VALUES ($1, $2, $3), ($1, $4, $5)', [order.rows[0].id, `SKU-${i}-A`, 1, `SKU-${i}-B`, 2]);
  }
}

const ORDERS = 'SELECT id, customer_id FROM orders ORDER BY id';

/** The N+1: one query for the orders, then one per order for its items (the allowlisted loop). */
async function listOrdersOneByOne(db) {
  const { rows: orders } = await db.query(ORDERS);
  const result = [];
  for (const order of orders) {
    const { rows: items } = await db.query('SELECT order_id, sku, quantity FROM order_items WHERE order_id = $1 ORDER BY id', [order.id]);
    result.push({ ...order, items });
  }
  return result;
}

async function listOrders(db) {
  const { rows: orders } = await db.query(ORDERS);
  const { rows: items } = await db.query('SELECT order_id, sku, quantity FROM order_items WHERE order_id = ANY($1) ORDER BY id', [orders.map((o) => o.id)]);
  return orders.map((order) => ({ ...order, items: items.filter((item) => item.order_id === order.id) }));
}

/**
 * Listens on a free port; `onRequest(req)` runs first in every request (the
 * group collects the request scopes there for the gate).
 */
export async function startApp(db, onRequest) {
  const app = express();
  app.use((req, _res, next) => {
    onRequest(req);
    next();
  });
  app.get('/orders', async (_req, res) => res.json(await listOrders(db)));
  app.get('/orders-one-by-one', async (_req, res) => res.json(await listOrdersOneByOne(db)));
  app.get('/orders/:id', async (req, res) => {
    const { rows } = await db.query('SELECT id, customer_id FROM orders WHERE id = $1', [Number(req.params.id)]);
    res.status(rows.length === 0 ? 404 : 200).json(rows[0] ?? { error: 'not found' });
  });
  app.get('/customers/:id/summary', async (req, res) => {
    const id = Number(req.params.id);
    const { rows: customers } = await db.query('SELECT id, name FROM customers WHERE id = $1', [id]);
    const { rows: counts } = await db.query('SELECT count(*)::int AS orders FROM orders WHERE customer_id = $1', [id]);
    const { rows: items } = await db.query('SELECT coalesce(sum(quantity), 0)::int AS items FROM order_items JOIN orders ON orders.id = order_items.order_id WHERE customer_id = $1', [id]);
    res.json({ ...customers[0], ...counts[0], ...items[0] });
  });
  const server = http.createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const agent = new http.Agent({ keepAlive: true, maxSockets: REQUESTS_PER_TEST });
  const { port } = server.address();
  const get = (path) =>
    new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, agent }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${path}: ${res.statusCode} ${body}`))));
        })
        .on('error', reject);
    });
  return {
    /** One test's requests, two at a time, as a spec that awaits pairs of supertest calls; `loop`: one of them is the N+1 endpoint. */
    async test(loop = true) {
      await Promise.all([get('/orders'), get('/orders/1')]);
      await Promise.all([get(loop ? '/orders-one-by-one' : '/orders/2'), get('/customers/1/summary')]);
    },
    async close() {
      agent.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
