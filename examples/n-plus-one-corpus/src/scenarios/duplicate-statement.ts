import type { Db } from '../db.js';
import type { Order } from '../model.js';
import { ORDER_BY_ID } from '../queries.js';

/** Not an N+1 but waste: each section of a page fetches the same order again. */
export async function duplicateStatement(db: Db, orderId = 1): Promise<Map<string, Order | undefined>> {
  const sections = new Map<string, Order | undefined>();
  for (const section of ['header', 'body', 'footer']) {
    const { rows } = await db.query<Order>(ORDER_BY_ID, [orderId]); // duplicate: order-by-id
    sections.set(section, rows[0]);
  }
  return sections;
}
