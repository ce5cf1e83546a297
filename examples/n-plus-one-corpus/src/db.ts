import { PGlite } from '@electric-sql/pglite';

/** What the scenarios need from a database: PGlite's `query` (pg's `Pool` has the same). */
export interface Db {
  query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface CorpusDatabase {
  readonly db: Db;
  close(): Promise<void>;
}

/** An embedded PostgreSQL (PGlite) with the corpus schema and its four products, but no orders. */
export async function openCorpusDatabase(): Promise<CorpusDatabase> {
  const lite = await PGlite.create();
  await lite.exec(`
    CREATE TABLE products (id serial PRIMARY KEY, sku text NOT NULL UNIQUE, name text NOT NULL);
    CREATE TABLE orders (id serial PRIMARY KEY, customer text NOT NULL);
    CREATE TABLE order_items (
      id serial PRIMARY KEY,
      order_id int NOT NULL REFERENCES orders(id),
      product_id int NOT NULL REFERENCES products(id),
      sku text NOT NULL,
      quantity int NOT NULL
    );
    INSERT INTO products (sku, name) VALUES ('SKU-1', 'Kettle'), ('SKU-2', 'Teapot'), ('SKU-3', 'Mug'), ('SKU-4', 'Tray');
  `);
  return { db: lite, close: () => lite.close() };
}
