import type { Db } from './db.js';

export async function createSchema(db: Db): Promise<void> {
  await db.query(`CREATE TABLE products (id serial PRIMARY KEY, sku text NOT NULL UNIQUE, name text NOT NULL)`);
  await db.query(
    `CREATE TABLE prices (id serial PRIMARY KEY, product_id int NOT NULL REFERENCES products(id), amount_cents int NOT NULL, valid_from timestamptz NOT NULL)`,
  );
  await db.query(`CREATE INDEX prices_by_product ON prices (product_id, valid_from DESC)`);
}

/**
 * Adds `products` products, each with three prices: last year's, the current
 * one, and one that starts next month (so "the current price" takes a query
 * that means it, not just any price row).
 */
export async function seedCatalogue(db: Db, products: number): Promise<void> {
  await db.query(`INSERT INTO products (sku, name) SELECT 'SKU-' || n, 'Product ' || n FROM generate_series(1, $1::int) AS n`, [products]);
  await db.query(
    `INSERT INTO prices (product_id, amount_cents, valid_from)
     SELECT id, 900 + id * 10 + offset_cents, now() + starts
     FROM products, (VALUES (0, interval '-1 year'), (50, interval '-1 day'), (100, interval '1 month')) AS changes (offset_cents, starts)`,
  );
}
