import type { Db } from '../db.js';
import type { Order } from '../model.js';
import { ORDERS_PAGE_BY_OFFSET } from '../queries.js';

/** A loop of queries by design: pages of `pageSize` orders until a short page. */
export async function offsetPagination(db: Db, pageSize = 2): Promise<Order[]> {
  const orders: Order[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { rows } = await db.query<Order>(ORDERS_PAGE_BY_OFFSET, [pageSize, offset]);
    orders.push(...rows);
    if (rows.length < pageSize) return orders;
  }
}
