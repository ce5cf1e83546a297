import type { Db } from './db.js';

/**
 * Known debt, accepted in perfgate.allow.json: the customer's orders, then
 * one query per order for its item count. perfgate's N+1 gate lets this one
 * through and fails on any new N+1.
 */
export async function listCustomerOrdersLegacy(db: Db, customerId: number): Promise<Array<{ id: number; items: number }>> {
  const { rows: orders } = await db.query<{ id: number }>('SELECT id FROM orders WHERE customer_id = $1 ORDER BY id', [customerId]);
  const result: Array<{ id: number; items: number }> = [];
  for (const order of orders) {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM order_items WHERE order_id = $1', [order.id]);
    result.push({ id: order.id, items: rows[0]!.n });
  }
  return result;
}
