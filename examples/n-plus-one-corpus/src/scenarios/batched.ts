import type { Db } from '../db.js';
import type { Order, OrderItem, OrderWithItems } from '../model.js';
import { ITEMS_FOR_ORDERS, ORDERS } from '../queries.js';

/** The fix: the items of every order in one query, however many orders there are. */
export async function batched(db: Db): Promise<OrderWithItems[]> {
  const { rows: orders } = await db.query<Order>(ORDERS);
  const { rows: items } = await db.query<OrderItem>(ITEMS_FOR_ORDERS, [orders.map((order) => order.id)]);
  return orders.map((order) => ({ ...order, items: items.filter((item) => item.order_id === order.id) }));
}
