import type { Db } from '../db.js';
import { LazyRelation } from '../fake-orm/lazy-relation.js';
import type { Order, OrderItem, OrderWithItems } from '../model.js';
import { ITEMS_BY_ORDER, ORDERS } from '../queries.js';

/** An N+1 through lazy loading: each `order.items.load()` defers its own query. */
export async function lazyLoading(db: Db): Promise<OrderWithItems[]> {
  const { rows } = await db.query<Order>(ORDERS);
  const orders = rows.map((order) => ({ ...order, items: new LazyRelation<OrderItem>(db, ITEMS_BY_ORDER, order.id) }));
  const result: OrderWithItems[] = [];
  for (const order of orders) {
    result.push({ ...order, items: await order.items.load() }); // N+1: lazy-items
  }
  return result;
}
