import type { Db } from './db.js';

// One statement each, not a loop of inserts: the seed must not be an N+1 itself.
const ADD_ORDERS = `
  WITH new_orders AS (
    INSERT INTO orders (customer) SELECT 'customer ' || (n % 2 + 1) FROM generate_series(1, $1::int) AS n RETURNING id
  )
  INSERT INTO order_items (order_id, product_id, sku, quantity)
  SELECT o.id, p.id, p.sku, line FROM new_orders o
  CROSS JOIN generate_series(1, 2) AS line
  JOIN products p ON p.id = (o.id * 2 + line) % 4 + 1`;

/** Adds `count` orders, alternately for two customers, with two items each spread over the four products. */
export async function addOrders(db: Db, count: number): Promise<void> {
  await db.query(ADD_ORDERS, [count]);
}

/** Deletes every order and its items. */
export async function deleteOrders(db: Db): Promise<void> {
  await db.query('DELETE FROM order_items');
  await db.query('DELETE FROM orders');
}
