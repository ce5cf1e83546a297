import type { Knex } from 'knex';

export async function createSchema(db: Knex): Promise<void> {
  await db.schema.createTable('customers', (t) => {
    t.increments('id');
    t.text('name').notNullable();
  });
  await db.schema.createTable('orders', (t) => {
    t.increments('id');
    t.integer('customer_id').notNullable().references('customers.id');
    t.timestamp('placed_at').notNullable().defaultTo(db.fn.now());
  });
  await db.schema.createTable('order_items', (t) => {
    t.increments('id');
    t.integer('order_id').notNullable().references('orders.id');
    t.text('sku').notNullable();
    t.integer('quantity').notNullable();
  });
}

/** Adds `orders` orders with two items each, for a new customer. */
export async function seedOrders(db: Knex, orders: number): Promise<void> {
  const [customer] = await db('customers').insert({ name: 'Ada' }).returning<Array<{ id: number }>>('id');
  for (let i = 0; i < orders; i++) {
    const [order] = await db('orders').insert({ customer_id: customer!.id }).returning<Array<{ id: number }>>('id');
    await db('order_items').insert([
      { order_id: order!.id, sku: `SKU-${i}-A`, quantity: 1 },
      { order_id: order!.id, sku: `SKU-${i}-B`, quantity: 2 },
    ]);
  }
}

export async function clearOrders(db: Knex): Promise<void> {
  await db('order_items').del();
  await db('orders').del();
  await db('customers').del();
}
