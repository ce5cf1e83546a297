import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomPause, traced } from '../../test/http-helpers.js';
import { startQuery } from '../record/recorder.js';
import { currentScope } from '../scope/run-in-scope.js';
import { takeScopes } from '../scope/scope-registry.js';
import type { Scope } from '../scope/scope.js';
import { perfgateFastify } from './fastify-plugin.js';

const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });

/** Handlers (registered in an encapsulated child plugin, as apps do) that record the scope they ran in, after a parsed body and a hook. */
async function makeApp(seen: Map<string, Scope | undefined>, withPlugin = true): Promise<FastifyInstance> {
  const app = Fastify();
  if (withPlugin) await app.register(perfgateFastify);
  await app.register(async (routes) => {
    routes.addHook('preHandler', async () => {
      await randomPause();
      issue('SELECT 1 FROM sessions');
    });
    routes.get('/orders', async (request) => {
      await randomPause();
      issue('SELECT * FROM orders');
      seen.set(String(request.headers['x-request']), currentScope());
      return { traceId: currentScope()?.traceId ?? null };
    });
    routes.post('/orders', async (request) => {
      const body = request.body as { items: string[] };
      for (const _ of body.items) {
        await randomPause();
        issue('INSERT INTO items VALUES (?)');
      }
      seen.set(String(request.headers['x-request']), currentScope());
      return { traceId: currentScope()?.traceId ?? null };
    });
  }, { prefix: '/api' });
  await app.ready();
  return app;
}

describe('perfgateFastify with fastify.inject()', () => {
  const seen = new Map<string, Scope | undefined>();
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await makeApp(seen);
  });

  afterAll(() => app.close());

  it('runs hooks and the handler in one request scope keyed by the traceparent', async () => {
    const { traceId, headers } = traced();
    const response = await app.inject({ method: 'GET', url: '/api/orders?email=someone@example.com', headers: { ...headers, 'x-request': 'a' } });
    expect(response.json()).toEqual({ traceId });
    const [scope, ...others] = takeScopes(traceId);
    expect(others).toEqual([]);
    expect(seen.get('a')).toBe(scope);
    expect(scope).toMatchObject({ kind: 'request', name: 'GET /api/orders?…', count: 2, parent: undefined });
    expect(scope!.queries.map((query) => query.sql)).toEqual(['SELECT 1 FROM sessions', 'SELECT * FROM orders']);
    await scope!.whenClosed(1_000);
    expect(scope!.closed).toBe(true);
  });

  it('keeps the scope through body parsing (POST with a JSON body)', async () => {
    const { traceId, headers } = traced();
    const response = await app.inject().post('/api/orders').headers({ ...headers, 'x-request': 'b' }).payload({ items: ['a', 'b', 'c'] });
    expect(response.json()).toEqual({ traceId });
    const [scope] = takeScopes(traceId);
    expect(seen.get('b')).toBe(scope);
    expect(scope!.count).toBe(4);
  });

  it('keeps 30 concurrent injected requests apart', async () => {
    const requests = Array.from({ length: 30 }, (_, n) => ({ n, size: n % 5, ...traced() }));
    const responses = await Promise.all(
      requests.map(({ n, size, headers }) =>
        app.inject({ method: 'POST', url: '/api/orders', headers: { ...headers, 'x-request': `c-${n}` }, payload: { items: Array.from({ length: size }, String) } }),
      ),
    );
    requests.forEach(({ n, size, traceId }, index) => {
      expect(responses[index]!.json()).toEqual({ traceId });
      const scopes = takeScopes(traceId);
      expect(scopes).toHaveLength(1);
      expect(seen.get(`c-${n}`)).toBe(scopes[0]);
      expect(scopes[0]!.count).toBe(1 + size);
    });
  });

  it('nests in the scope inject() is called from, so a function scope counts the request too', async () => {
    const { traceId, headers } = traced();
    let outer: Scope | undefined;
    const { runInNewScope } = await import('../scope/record-queries.js');
    const result = await runInNewScope(async () => {
      outer = currentScope();
      return app.inject({ method: 'GET', url: '/api/orders', headers: { ...headers, 'x-request': 'd' } });
    }, { name: 'outer' });
    expect(result.count).toBe(2);
    const [scope] = takeScopes(traceId);
    expect(scope!.parent).toBe(outer);
  });
});

describe('perfgateFastify on a listening server with the http patch off', () => {
  it('opens the scope itself, once, whatever the transport', async () => {
    const seen = new Map<string, Scope | undefined>();
    const app = await makeApp(seen);
    try {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const { traceId, headers } = traced();
      const response = await fetch(`${address}/api/orders`, { headers: { ...headers, 'x-request': 'e' } });
      expect(await response.json()).toEqual({ traceId });
      const scopes = takeScopes(traceId);
      expect(scopes).toHaveLength(1);
      expect(seen.get('e')).toBe(scopes[0]);
      expect(scopes[0]!.count).toBe(2);
    } finally {
      await app.close();
    }
  });
});

describe('fastify.inject() without the plugin', () => {
  it('runs in no request scope: the plugin is what scopes injected requests', async () => {
    const seen = new Map<string, Scope | undefined>();
    const app = await makeApp(seen, false);
    try {
      const { traceId, headers } = traced();
      await app.inject({ method: 'GET', url: '/api/orders', headers: { ...headers, 'x-request': 'f' } });
      expect(seen.get('f')).toBeUndefined();
      expect(takeScopes(traceId)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('the query matchers on fastify.inject() chains', () => {
  const seen = new Map<string, Scope | undefined>();
  let app: FastifyInstance;

  beforeAll(async () => {
    const { perfgateMatchers } = await import('../matchers/index.js');
    expect.extend(perfgateMatchers);
    app = await makeApp(seen);
  });

  afterAll(() => app.close());

  it('sends an unsent chain with a traceparent of their own and judge its request scope', async () => {
    await expect(app.inject().post('/api/orders').payload({ items: ['a', 'b'] })).toIssueExactly(3);
    await expect(() => app.inject().get('/api/orders')).toIssueExactly(2);
    await expect(app.inject().get('/api/orders?email=someone@example.com')).not.toIssueAtMost(1);
  });

  it('keeps a traceparent the spec set, and names the request in the failure', async () => {
    const { traceId, headers } = traced();
    const failure = expect(app.inject().get('/api/orders?email=someone@example.com').headers(headers)).toIssueAtMost(1);
    await expect(failure).rejects.toThrow(new RegExp(`Request: +GET /api/orders\\?…\\n.*Trace-id: +${traceId}`, 's'));
  });
});
