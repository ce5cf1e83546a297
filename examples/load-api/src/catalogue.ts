import type { Db } from './db.js';

export interface Product {
  id: number;
  sku: string;
  name: string;
  priceCents: number;
}

type ProductRow = Omit<Product, 'priceCents'>;

/** GET /products answers one page: the cheapest products first. */
export const PAGE_SIZE = 20;

const PRODUCTS = 'SELECT id, sku, name FROM products ORDER BY id';

const byPrice = (a: Product, b: Product) => a.priceCents - b.priceCents || a.id - b.id;

/**
 * The regression: every product, then each one's current price with a query of
 * its own (N+1), sorted in JavaScript for one page. The queries grow with the
 * catalogue, not with the page.
 */
export async function listProductsOneByOne(db: Db): Promise<Product[]> {
  const { rows: products } = await db.query<ProductRow>(PRODUCTS);
  const priced: Product[] = [];
  for (const product of products) {
    const { rows } = await db.query<{ amount_cents: number }>(
      'SELECT amount_cents FROM prices WHERE product_id = $1 AND valid_from <= now() ORDER BY valid_from DESC LIMIT 1',
      [product.id],
    );
    priced.push({ ...product, priceCents: rows[0]!.amount_cents });
  }
  return priced.sort(byPrice).slice(0, PAGE_SIZE);
}

/** The fix: one query that picks each product's latest price that has started, sorts by it and keeps one page. */
export async function listProducts(db: Db): Promise<Product[]> {
  const { rows } = await db.query<ProductRow & { amount_cents: number }>(
    `SELECT p.id, p.sku, p.name, current.amount_cents
     FROM products p
     JOIN LATERAL (SELECT amount_cents FROM prices WHERE product_id = p.id AND valid_from <= now() ORDER BY valid_from DESC LIMIT 1) current ON true
     ORDER BY current.amount_cents, p.id
     LIMIT $1`,
    [PAGE_SIZE],
  );
  return rows.map(({ amount_cents, ...product }) => ({ ...product, priceCents: amount_cents }));
}
