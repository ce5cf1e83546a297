import type { Db } from '../db.js';
import type { Order, OrderItem, Product } from '../model.js';
import { ITEMS_BY_ORDER, ORDERS, PRODUCT_BY_ID } from '../queries.js';

export type OrderWithProducts = Order & { items: Array<OrderItem & { product: Product | undefined }> };

/** Two levels: one query per order for its items, then one per item for its product. */
export async function nestedLoops(db: Db): Promise<OrderWithProducts[]> {
  const { rows: orders } = await db.query<Order>(ORDERS);
  const result: OrderWithProducts[] = [];
  for (const order of orders) {
    const { rows: items } = await db.query<OrderItem>(ITEMS_BY_ORDER, [order.id]); // N+1: nested-items
    const withProducts = [];
    for (const item of items) {
      const { rows: products } = await db.query<Product>(PRODUCT_BY_ID, [item.product_id]); // N+1: nested-products
      withProducts.push({ ...item, product: products[0] });
    }
    result.push({ ...order, items: withProducts });
  }
  return result;
}
