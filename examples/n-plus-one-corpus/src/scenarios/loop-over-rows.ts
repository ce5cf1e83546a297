import type { Db } from '../db.js';
import type { Order, OrderItem, OrderWithItems } from '../model.js';
import { ITEMS_BY_ORDER, ORDERS } from '../queries.js';

/** The classic N+1: one query for the orders, then one per order for its items. */
export async function loopOverRows(db: Db): Promise<OrderWithItems[]> {
  const { rows: orders } = await db.query<Order>(ORDERS);
  const result: OrderWithItems[] = [];
  for (const order of orders) {
    const { rows: items } = await db.query<OrderItem>(ITEMS_BY_ORDER, [order.id]); // N+1: items-by-order
    result.push({ ...order, items });
  }
  return result;
}
