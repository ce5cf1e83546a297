import type { Db } from '../db.js';
import type { Order, OrderWithItems } from '../model.js';
import { ORDERS } from '../queries.js';
import { loadItems } from '../repository/load-items.js';

/** The N+1 hides in another file: the loop calls a helper that issues the query. */
export async function loopThroughHelper(db: Db): Promise<OrderWithItems[]> {
  const { rows: orders } = await db.query<Order>(ORDERS);
  const result: OrderWithItems[] = [];
  for (const order of orders) {
    result.push({ ...order, items: await loadItems(db, order.id) }); // via: loop-through-helper
  }
  return result;
}
