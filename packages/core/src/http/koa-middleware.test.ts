import http from 'node:http';
import Router from '@koa/router';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, listen, randomPause, traced } from '../../test/http-helpers.js';
import type { Instrumentation } from '../patch/instrumentation.js';
import { startQuery } from '../record/recorder.js';
import { currentScope } from '../scope/run-in-scope.js';
import { takeScopes } from '../scope/scope-registry.js';
import type { Scope } from '../scope/scope.js';
import { instrumentHttpServers } from './http-scope.js';
import { perfgateKoa } from './koa-middleware.js';

const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });

/** A Koa app with a router and an async middleware in front, recording the scope the route ended in. */
function makeApp(seen: Map<string, Scope | undefined>, withMiddleware = true): Koa {
  const app = new Koa();
  const router = new Router({ prefix: '/api' });
  if (withMiddleware) app.use(perfgateKoa());
  app.use(async (_ctx, next) => {
    await randomPause();
    issue('SELECT 1 FROM sessions');
    await next();
  });
  router.get('/orders', async (ctx) => {
    await randomPause();
    issue('SELECT * FROM orders');
    seen.set(String(ctx.get('x-request')), currentScope());
    ctx.body = { traceId: currentScope()?.traceId ?? null };
  });
  app.use(router.routes());
  return app;
}

describe('perfgateKoa() with the http patch applied', () => {
  let instrumentation: Instrumentation;
  let server: Awaited<ReturnType<typeof listen>>;
  const seen = new Map<string, Scope | undefined>();

  beforeAll(async () => {
    instrumentation = instrumentHttpServers();
    server = await listen(http.createServer(makeApp(seen).callback()));
  });

  afterAll(async () => {
    await server.close();
    instrumentation.dispose();
  });

  it('reuses the scope the http patch opened', async () => {
    const { traceId, headers } = traced();
    const response = await get(`${server.url}/api/orders?page=2`, { ...headers, 'x-request': 'a' });
    expect(JSON.parse(response.body)).toEqual({ traceId });
    const scopes = takeScopes(traceId);
    expect(scopes).toHaveLength(1);
    expect(seen.get('a')).toBe(scopes[0]);
    expect(scopes[0]).toMatchObject({ kind: 'request', name: 'GET /api/orders?…', count: 2, parent: undefined });
  });
});

describe('perfgateKoa() without the http patch', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  const seen = new Map<string, Scope | undefined>();

  beforeAll(async () => {
    expect(Object.hasOwn(http.Server.prototype, 'emit')).toBe(false);
    server = await listen(http.createServer(makeApp(seen).callback()));
  });

  afterAll(() => server.close());

  it('keeps 20 concurrent requests apart, each in the scope of its traceparent', async () => {
    const requests = Array.from({ length: 20 }, (_, n) => ({ n, ...traced() }));
    const responses = await Promise.all(requests.map(({ n, headers }) => get(`${server.url}/api/orders`, { ...headers, 'x-request': `b-${n}` })));
    requests.forEach(({ n, traceId }, index) => {
      expect(JSON.parse(responses[index]!.body)).toEqual({ traceId });
      const scopes = takeScopes(traceId);
      expect(scopes).toHaveLength(1);
      expect(seen.get(`b-${n}`)).toBe(scopes[0]);
      expect(scopes[0]!.count).toBe(2);
    });
  });

  it('is what scopes the request: without it the route runs in no scope', async () => {
    const bare = new Map<string, Scope | undefined>();
    const other = await listen(http.createServer(makeApp(bare, false).callback()));
    try {
      await get(`${other.url}/api/orders`, { 'x-request': 'c' });
    } finally {
      await other.close();
    }
    expect(bare.has('c')).toBe(true);
    expect(bare.get('c')).toBeUndefined();
  });
});
