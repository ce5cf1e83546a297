import 'reflect-metadata';
import { Body, Controller, Get, Injectable, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentHttpServers } from '../src/http/http-scope.js';
import { perfgateMatchers } from '../src/matchers/index.js';
import type { Instrumentation } from '../src/patch/instrumentation.js';
import { startQuery } from '../src/record/recorder.js';
import { takeScopes } from '../src/scope/scope-registry.js';
import { formatTraceparent, newTraceId } from '../src/scope/trace-context.js';

// Nest apps are scoped by the automatic http scoping alone: no Nest module,
// interceptor or middleware. Decorators are applied as functions (and the
// service injected by token), so the test needs no decorator transform.

expect.extend(perfgateMatchers);

const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });

class OrdersService {
  async list(customer: string): Promise<string[]> {
    issue('SELECT id FROM orders WHERE customer_id = $1');
    const ids = ['1', '2', '3'];
    for (const id of ids) {
      await new Promise((resolve) => setImmediate(resolve));
      issue('SELECT * FROM order_items WHERE order_id = $1');
    }
    return ids.map((id) => `${customer}-${id}`);
  }

  async create(items: number): Promise<{ items: number }> {
    issue('INSERT INTO orders (customer_id) VALUES ($1)');
    for (let n = 0; n < items; n++) {
      await new Promise((resolve) => setImmediate(resolve));
      issue('INSERT INTO order_items (order_id, sku) VALUES ($1, $2)');
    }
    return { items };
  }
}
Injectable()(OrdersService);

class OrdersController {
  constructor(private readonly orders: OrdersService) {}
  list(customer: string) {
    return this.orders.list(customer);
  }
  create(body: { items: string | number }) {
    return this.orders.create(Number(body.items));
  }
}
Reflect.defineMetadata('design:paramtypes', [OrdersService], OrdersController);
Controller('customers')(OrdersController);
Get(':id/orders')(OrdersController.prototype, 'list', Object.getOwnPropertyDescriptor(OrdersController.prototype, 'list')!);
Param('id')(OrdersController.prototype, 'list', 0);
Post(':id/orders')(OrdersController.prototype, 'create', Object.getOwnPropertyDescriptor(OrdersController.prototype, 'create')!);
Body()(OrdersController.prototype, 'create', 0);

class AppModule {}
Module({ controllers: [OrdersController], providers: [OrdersService] })(AppModule);

describe('a Nest app (platform-express) under the automatic http scoping', () => {
  let instrumentation: Instrumentation;
  let app: INestApplication;

  beforeAll(async () => {
    instrumentation = instrumentHttpServers();
    app = await NestFactory.create(AppModule, { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    instrumentation.dispose();
  });

  it('puts each request in its own scope, keyed by its traceparent', async () => {
    const traceIds = Array.from({ length: 10 }, () => newTraceId());
    const responses = await Promise.all(
      traceIds.map((traceId, n) => request(app.getHttpServer()).get(`/customers/c${n}/orders`).set('traceparent', formatTraceparent(traceId))),
    );
    traceIds.forEach((traceId, n) => {
      expect(responses[n]!.body).toEqual([`c${n}-1`, `c${n}-2`, `c${n}-3`]);
      const scopes = takeScopes(traceId);
      expect(scopes).toHaveLength(1);
      expect(scopes[0]).toMatchObject({ kind: 'request', name: `GET /customers/c${n}/orders`, count: 4 });
    });
  });

  it('is judged by the query matchers like any other app', async () => {
    await expect(request(app.getHttpServer()).get('/customers/c1/orders')).toIssueAtMost(4);
    const failure = expect(request(app.getHttpServer()).get('/customers/c1/orders')).toIssueAtMost(2);
    await expect(failure).rejects.toThrow(/Received: 4 queries, 2 over budget[\s\S]*Request: +GET \/customers\/c1\/orders[\s\S]*3 × SELECT \* FROM order_items WHERE order_id = \?/);
  });

  it.each([
    { type: 'JSON', send: (r: request.Test) => r.send({ items: 3 }) },
    { type: 'urlencoded', send: (r: request.Test) => r.type('form').send('items=3') },
  ])('keeps the request scope through body parsing of a $type POST (current Nest; the #16.1 versions run in installed-tests)', async ({ send }) => {
    const post = send(request(app.getHttpServer()).post('/customers/c1/orders'));
    await expect(post).toIssueExactly(4);
    expect((await post).body).toEqual({ items: 3 });
  });
});
