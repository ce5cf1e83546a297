import type { Db } from './db.js';

export async function createSchema(db: Db): Promise<void> {
  await db.query(`CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL)`);
  await db.query(`CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id), placed_at timestamptz NOT NULL DEFAULT now())`);
  await db.query(`CREATE TABLE order_items (id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders(id), sku text NOT NULL, quantity int NOT NULL)`);
}

/** Adds `orders` orders with two items each, for one customer. */
export async function seedOrders(db: Db, orders: number): Promise<void> {
  const { rows } = await db.query<{ id: number }>(`INSERT INTO customers (name, email) VALUES ($1, $2) RETURNING id`, ['Ada', 'ada@example.com']);
  const customerId = rows[0]!.id;
  for (let i = 0; i < orders; i++) {
    const order = await db.query<{ id: number }>(`INSERT INTO orders (customer_id) VALUES ($1) RETURNING id`, [customerId]);
    const orderId = order.rows[0]!.id;
    await db.query(`INSERT INTO order_items (order_id, sku, quantity) VALUES ($1, $2, $3), ($1, $4, $5)`, [orderId, `SKU-${i}-A`, 1, `SKU-${i}-B`, 2]);
  }
}
