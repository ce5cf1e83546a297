import type { Db } from '../db.js';
import type { Order, OrderItem, Product } from '../model.js';
import { ITEMS_BY_ORDER, ITEMS_BY_SKU, ORDERS, PRODUCTS } from '../queries.js';

export interface SalesReport {
  itemsPerOrder: Map<number, number>;
  unitsPerSku: Map<string, number>;
}

/** Two separate loops over order_items, with different statements: two N+1s. */
export async function twoLoopsOneTable(db: Db): Promise<SalesReport> {
  const { rows: orders } = await db.query<Order>(ORDERS);
  const itemsPerOrder = new Map<number, number>();
  for (const order of orders) {
    const { rows } = await db.query<OrderItem>(ITEMS_BY_ORDER, [order.id]); // N+1: items-by-order-id
    itemsPerOrder.set(order.id, rows.length);
  }
  const { rows: products } = await db.query<Product>(PRODUCTS);
  const unitsPerSku = new Map<string, number>();
  for (const product of products) {
    const { rows } = await db.query<OrderItem>(ITEMS_BY_SKU, [product.sku]); // N+1: items-by-sku
    unitsPerSku.set(product.sku, rows.reduce((sum, item) => sum + item.quantity, 0));
  }
  return { itemsPerOrder, unitsPerSku };
}
