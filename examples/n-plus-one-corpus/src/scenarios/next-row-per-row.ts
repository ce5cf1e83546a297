import type { Db } from '../db.js';
import type { Order } from '../model.js';
import { NEXT_ORDER_OF_CUSTOMER, ORDERS } from '../queries.js';

/**
 * An N+1 that reads like keyset pagination (`id > $2 ORDER BY id LIMIT 1`):
 * one lookup per order for the same customer's next order.
 */
export async function nextRowPerRow(db: Db): Promise<Map<number, number | undefined>> {
  const { rows: orders } = await db.query<Order>(ORDERS);
  const next = new Map<number, number | undefined>();
  for (const order of orders) {
    const { rows } = await db.query<Order>(NEXT_ORDER_OF_CUSTOMER, [order.customer, order.id]); // N+1: next-order
    next.set(order.id, rows[0]?.id);
  }
  return next;
}
