import type { Db } from './db.js';

export interface Product {
  id: number;
  sku: string;
  name: string;
  priceCents: number;
}

type ProductRow = Omit<Product, 'priceCents'>;

const PRODUCTS = 'SELECT id, sku, name FROM products ORDER BY id';

/** The regression: one query for the products, then one per product for its current price (N+1). */
export async function listProductsOneByOne(db: Db): Promise<Product[]> {
  const { rows: products } = await db.query<ProductRow>(PRODUCTS);
  const result: Product[] = [];
  for (const product of products) {
    const { rows } = await db.query<{ amount_cents: number }>(
      'SELECT amount_cents FROM prices WHERE product_id = $1 AND valid_from <= now() ORDER BY valid_from DESC LIMIT 1',
      [product.id],
    );
    result.push({ ...product, priceCents: rows[0]!.amount_cents });
  }
  return result;
}

/** The fix: one JOIN, keeping each product's latest price that has started. */
export async function listProducts(db: Db): Promise<Product[]> {
  const { rows } = await db.query<ProductRow & { amount_cents: number }>(
    `SELECT DISTINCT ON (p.id) p.id, p.sku, p.name, pr.amount_cents
     FROM products p JOIN prices pr ON pr.product_id = p.id AND pr.valid_from <= now()
     ORDER BY p.id, pr.valid_from DESC`,
  );
  return rows.map(({ amount_cents, ...product }) => ({ ...product, priceCents: amount_cents }));
}
