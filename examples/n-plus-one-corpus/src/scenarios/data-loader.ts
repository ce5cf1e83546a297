import { BatchLoader } from '../batch-loader.js';
import type { Db } from '../db.js';
import type { Order, OrderItem, OrderWithItems } from '../model.js';
import { ITEMS_FOR_ORDERS, ORDERS } from '../queries.js';

/** Per-order code, as a resolver would have, but the item loads are collected into one query. */
export async function dataLoader(db: Db): Promise<OrderWithItems[]> {
  const items = new BatchLoader<number, OrderItem[]>(async (orderIds) => {
    const { rows } = await db.query<OrderItem>(ITEMS_FOR_ORDERS, [orderIds]);
    return orderIds.map((id) => rows.filter((item) => item.order_id === id));
  });
  const { rows: orders } = await db.query<Order>(ORDERS);
  return Promise.all(orders.map(async (order) => ({ ...order, items: await items.load(order.id) })));
}
