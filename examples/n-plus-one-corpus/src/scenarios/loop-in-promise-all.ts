import type { Db } from '../db.js';
import type { Order, OrderItem, OrderWithItems } from '../model.js';
import { ITEMS_BY_ORDER, ORDERS } from '../queries.js';

/** The same N+1, concurrent: every item query starts before the first answers. */
export async function loopInPromiseAll(db: Db): Promise<OrderWithItems[]> {
  const { rows: orders } = await db.query<Order>(ORDERS);
  return Promise.all(
    orders.map(async (order) => {
      const { rows: items } = await db.query<OrderItem>(ITEMS_BY_ORDER, [order.id]); // N+1: items-in-promise-all
      return { ...order, items };
    }),
  );
}
