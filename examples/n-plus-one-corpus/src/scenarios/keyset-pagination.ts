import type { Db } from '../db.js';
import type { Order } from '../model.js';
import { ORDERS_PAGE_AFTER_ID } from '../queries.js';

/** Keyset pagination: each page starts after the last id of the one before. */
export async function keysetPagination(db: Db, pageSize = 2): Promise<Order[]> {
  const orders: Order[] = [];
  for (let lastId = 0; ; ) {
    const { rows } = await db.query<Order>(ORDERS_PAGE_AFTER_ID, [lastId, pageSize]);
    orders.push(...rows);
    if (rows.length < pageSize) return orders;
    lastId = rows.at(-1)!.id;
  }
}
