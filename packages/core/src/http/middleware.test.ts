import http from 'node:http';
import express, { type Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, listen, randomPause, traced } from '../../test/http-helpers.js';
import type { Instrumentation } from '../patch/instrumentation.js';
import { startQuery } from '../record/recorder.js';
import { currentScope } from '../scope/run-in-scope.js';
import { takeScopes } from '../scope/scope-registry.js';
import type { Scope } from '../scope/scope.js';
import { instrumentHttpServers } from './http-scope.js';
import { perfgateMiddleware } from './middleware.js';
import { requestScopeOf } from './request-scope.js';

const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });

interface Seen {
  readonly atStart: Scope | undefined;
  readonly ofRequest: Scope | undefined;
  atEnd?: Scope | undefined;
}

/** An Express app with perfgateMiddleware() in front of a router mounted at /api, recording what each handler saw. */
function makeApp(seen: Map<string, Seen>, withMiddleware = true) {
  const app = express();
  const api = express.Router();
  if (withMiddleware) app.use(perfgateMiddleware());
  api.get('/orders', async (req: Request, res) => {
    const entry: Seen = { atStart: currentScope(), ofRequest: requestScopeOf(req) };
    seen.set(String(req.headers['x-request']), entry);
    await randomPause();
    issue('SELECT * FROM orders');
    await randomPause();
    issue('SELECT * FROM items');
    entry.atEnd = currentScope();
    res.json({ traceId: currentScope()?.traceId ?? null });
  });
  app.use('/api', api);
  return app;
}

describe('perfgateMiddleware() with the http patch applied', () => {
  let instrumentation: Instrumentation;
  let url: string;
  let close: () => Promise<void>;
  const seen = new Map<string, Seen>();

  beforeAll(async () => {
    instrumentation = instrumentHttpServers();
    ({ url, close } = await listen(http.createServer(makeApp(seen))));
  });

  afterAll(async () => {
    await close();
    instrumentation.dispose();
  });

  it('reuses the scope the http patch opened and opens none of its own', async () => {
    const { traceId, headers } = traced();
    const response = await get(`${url}/api/orders?page=1`, { ...headers, 'x-request': 'a' });
    expect(JSON.parse(response.body)).toEqual({ traceId });
    const scopes = takeScopes(traceId);
    expect(scopes).toHaveLength(1);
    const { atStart, ofRequest, atEnd } = seen.get('a')!;
    expect(atStart).toBe(scopes[0]);
    expect(ofRequest).toBe(scopes[0]);
    expect(atEnd).toBe(scopes[0]);
    expect(scopes[0]).toMatchObject({ kind: 'request', name: 'GET /api/orders?…', count: 2, parent: undefined });
  });
});

describe('perfgateMiddleware() without the http patch', () => {
  let url: string;
  let close: () => Promise<void>;
  const seen = new Map<string, Seen>();

  beforeAll(async () => {
    expect(Object.hasOwn(http.Server.prototype, 'emit')).toBe(false);
    ({ url, close } = await listen(http.createServer(makeApp(seen))));
  });

  afterAll(() => close());

  it('opens the request scope itself, keyed by the traceparent trace-id, and closes it with the response', async () => {
    const { traceId, headers } = traced();
    const response = await get(`${url}/api/orders?email=someone@example.com`, { ...headers, 'x-request': 'b' });
    expect(JSON.parse(response.body)).toEqual({ traceId });
    const scopes = takeScopes(traceId);
    expect(scopes).toHaveLength(1);
    const [scope] = scopes;
    expect(seen.get('b')?.atStart).toBe(scope);
    expect(seen.get('b')?.atEnd).toBe(scope);
    // Express's originalUrl: the full path, not the router-relative one, and no query string.
    expect(scope).toMatchObject({ kind: 'request', traceId, name: 'GET /api/orders?…', path: '/api/orders?…', count: 2 });
    await scope!.whenClosed(1_000);
    expect(scope!.closed).toBe(true);
  });

  it('keeps concurrent requests apart', async () => {
    const requests = Array.from({ length: 20 }, (_, n) => ({ n, ...traced() }));
    const responses = await Promise.all(requests.map(({ n, headers }) => get(`${url}/api/orders`, { ...headers, 'x-request': `c-${n}` })));
    requests.forEach(({ n, traceId }, index) => {
      expect(JSON.parse(responses[index]!.body)).toEqual({ traceId });
      const scopes = takeScopes(traceId);
      expect(scopes).toHaveLength(1);
      expect(seen.get(`c-${n}`)?.atEnd).toBe(scopes[0]);
      expect(scopes[0]!.count).toBe(2);
    });
  });

  it('is what scopes the request: without it the handler runs in no scope', async () => {
    const bare = new Map<string, Seen>();
    const server = await listen(http.createServer(makeApp(bare, false)));
    try {
      await get(`${server.url}/api/orders`, { 'x-request': 'd' });
    } finally {
      await server.close();
    }
    expect(bare.get('d')).toEqual({ atStart: undefined, ofRequest: undefined, atEnd: undefined });
  });
});
