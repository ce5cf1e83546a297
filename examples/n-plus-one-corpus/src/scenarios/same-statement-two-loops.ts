import type { Db } from '../db.js';
import type { Order, OrderItem } from '../model.js';
import { ITEMS_BY_ORDER, ORDERS } from '../queries.js';

/** One statement from two loops: two N+1s of the same shape, at two lines. */
export async function sameStatementTwoLoops(db: Db): Promise<number> {
  const { rows: orders } = await db.query<Order>(ORDERS);
  let items = 0;
  for (const order of orders) {
    const { rows } = await db.query<OrderItem>(ITEMS_BY_ORDER, [order.id]); // N+1: first-loop
    items += rows.length;
  }
  for (const order of orders.slice(0, 3)) {
    const { rows } = await db.query<OrderItem>(ITEMS_BY_ORDER, [order.id]); // N+1: second-loop
    items += rows.length;
  }
  return items;
}
