import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Knex } from 'knex';
import { listOrders, listOrdersOneByOne, placeOrder, type NewOrder } from './orders.js';

export type OrdersQuery = 'batched' | 'one-by-one';

export interface AppOptions {
  /** Which implementation serves GET /orders: the fix, or the N+1 regression. */
  readonly ordersQuery?: OrdersQuery;
}

/** The orders routes, as a plugin (so a test can register perfgate's Fastify plugin before them). */
export function orderRoutes(db: Knex, { ordersQuery = 'batched' }: AppOptions = {}): FastifyPluginAsync {
  return async (app) => {
    app.get('/orders', () => (ordersQuery === 'batched' ? listOrders(db) : listOrdersOneByOne(db)));
    app.get<{ Params: { id: string } }>('/orders/:id', async (request, reply) => {
      const order = await db('orders').where({ id: Number(request.params.id) }).first('id', 'customer_id');
      return order ?? reply.code(404).send({ error: 'not found' });
    });
    app.post<{ Body: NewOrder }>('/orders', async (request, reply) => reply.code(201).send({ id: await placeOrder(db, request.body) }));
  };
}

export async function buildApp(db: Knex, options?: AppOptions): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(orderRoutes(db, options));
  await app.ready();
  return app;
}
