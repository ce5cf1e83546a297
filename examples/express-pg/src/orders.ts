import type { Db } from './db.js';

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

const ORDERS = 'SELECT id, customer_id FROM orders ORDER BY id';

/** The regression: one query for the orders, then one per order for its items. */
export async function listOrdersOneByOne(db: Db): Promise<Order[]> {
  const { rows: orders } = await db.query<OrderRow>(ORDERS);
  const result: Order[] = [];
  for (const order of orders) {
    const { rows: items } = await db.query<ItemRow>('SELECT order_id, sku, quantity FROM order_items WHERE order_id = $1 ORDER BY id', [order.id]);
    result.push({ ...order, items: items.map(({ sku, quantity }) => ({ sku, quantity })) });
  }
  return result;
}

/** The fix: two queries however many orders there are. */
export async function listOrders(db: Db): Promise<Order[]> {
  const { rows: orders } = await db.query<OrderRow>(ORDERS);
  const { rows: items } = await db.query<ItemRow>('SELECT order_id, sku, quantity FROM order_items WHERE order_id = ANY($1) ORDER BY id', [orders.map((o) => o.id)]);
  const byOrder = new Map<number, OrderItem[]>();
  for (const { order_id, sku, quantity } of items) byOrder.set(order_id, [...(byOrder.get(order_id) ?? []), { sku, quantity }]);
  return orders.map((order) => ({ ...order, items: byOrder.get(order.id) ?? [] }));
}
