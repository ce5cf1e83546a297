import type { Knex } from 'knex';

export interface OrderItem {
  sku: string;
  quantity: number;
}

export interface Order {
  id: number;
  customer_id: number;
  items: OrderItem[];
}

type OrderRow = Omit<Order, 'items'>;
type ItemRow = OrderItem & { order_id: number };

const orderRows = (db: Knex) => db<OrderRow>('orders').select('id', 'customer_id').orderBy('id');

/** The regression: one query for the orders, then one per order for its items. */
export async function listOrdersOneByOne(db: Knex): Promise<Order[]> {
  const orders = await orderRows(db);
  const result: Order[] = [];
  for (const order of orders) {
    const items = await db<ItemRow>('order_items').where({ order_id: order.id }).select('sku', 'quantity').orderBy('id');
    result.push({ ...order, items });
  }
  return result;
}

/** The fix: two queries however many orders there are (`whereIn` is one `IN (…)` statement). */
export async function listOrders(db: Knex): Promise<Order[]> {
  const orders = await orderRows(db);
  const items = await db<ItemRow>('order_items').whereIn('order_id', orders.map((o) => o.id)).select('order_id', 'sku', 'quantity').orderBy('id');
  const byOrder = new Map<number, OrderItem[]>();
  for (const { order_id, sku, quantity } of items) byOrder.set(order_id, [...(byOrder.get(order_id) ?? []), { sku, quantity }]);
  return orders.map((order) => ({ ...order, items: byOrder.get(order.id) ?? [] }));
}

export interface NewOrder {
  customer_id: number;
  items: OrderItem[];
}

/** One transaction: BEGIN, the order, all its items in one insert, COMMIT. */
export function placeOrder(db: Knex, order: NewOrder): Promise<number> {
  return db.transaction(async (trx) => {
    const [row] = await trx('orders').insert({ customer_id: order.customer_id }).returning<Array<{ id: number }>>('id');
    await trx('order_items').insert(order.items.map((item) => ({ order_id: row!.id, ...item })));
    return row!.id;
  });
}
