import type { Db } from '../db.js';
import type { OrderItem } from '../model.js';
import { ITEMS_BY_ORDER } from '../queries.js';

/** A repository helper: harmless alone, an N+1 when called in a loop. */
export async function loadItems(db: Db, orderId: number): Promise<OrderItem[]> {
  const { rows } = await db.query<OrderItem>(ITEMS_BY_ORDER, [orderId]); // N+1: load-items
  return rows;
}
