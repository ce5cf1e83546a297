import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, listen, randomPause, traced } from '../../test/http-helpers.js';
import type { Instrumentation } from '../patch/instrumentation.js';
import { startQuery } from '../record/recorder.js';
import { currentScope } from '../scope/run-in-scope.js';
import { takeScopes } from '../scope/scope-registry.js';
import type { Scope } from '../scope/scope.js';
import { instrumentHttpServers } from './http-scope.js';

const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });

describe('instrumentHttpServers', () => {
  let instrumentation: Instrumentation;
  let server: http.Server;
  let url: string;
  let close: () => Promise<void>;
  /** The scope each request saw at the start of its handler, by the request's `x-request` header. */
  const seen = new Map<string, { scope: Scope | undefined; closedAtFinish?: boolean }>();

  beforeAll(async () => {
    instrumentation = instrumentHttpServers();
    server = http.createServer(async (req, res) => {
      const id = String(req.headers['x-request']);
      const scope = currentScope();
      const entry: { scope: Scope | undefined; closedAtFinish?: boolean } = { scope };
      seen.set(id, entry);
      res.on('finish', () => (entry.closedAtFinish = scope?.closed));
      // Each request issues `x-queries` queries, yielding in between like real handlers do.
      const queries = Number(req.headers['x-queries'] ?? 0);
      for (let n = 0; n < queries; n++) {
        await randomPause();
        issue(`SELECT * FROM t WHERE request = '${id}'`);
      }
      await randomPause();
      const after = currentScope();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ traceId: after?.traceId ?? null, sameScope: after === scope, openBeforeEnd: scope?.closed === false }));
    });
    ({ url, close } = await listen(server));
  });

  afterAll(async () => {
    await close();
    instrumentation.dispose();
  });

  it('runs a handler in a request scope keyed by the traceparent trace-id', async () => {
    const { traceId, headers } = traced();
    const response = await get(`${url}/users?email=someone@example.com`, { ...headers, 'x-request': 'a' });
    expect(JSON.parse(response.body)).toEqual({ traceId, sameScope: true, openBeforeEnd: true });
    expect(seen.get('a')?.scope).toMatchObject({ kind: 'request', traceId, name: 'GET /users?…', method: 'GET', path: '/users?…' });
    expect(takeScopes(traceId)).toEqual([seen.get('a')!.scope]);
  });

  it('makes up a fresh trace-id without a (valid) traceparent', async () => {
    const upper = traced();
    await get(`${url}/a`, { 'x-request': 'b1' });
    await get(`${url}/a`, { 'x-request': 'b2' });
    await get(`${url}/a`, { 'x-request': 'b3', traceparent: upper.headers.traceparent!.toUpperCase() });
    const ids = ['b1', 'b2', 'b3'].map((id) => seen.get(id)?.scope?.traceId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(3);
    expect(ids[2]).not.toBe(upper.traceId);
    expect(seen.get('b1')?.scope?.name).toBe('GET /a');
  });

  it('closes the scope when the response finishes', async () => {
    const { traceId, headers } = traced();
    const response = await get(`${url}/c`, { ...headers, 'x-request': 'c', 'x-queries': '2' });
    expect(JSON.parse(response.body).openBeforeEnd).toBe(true);
    expect(seen.get('c')?.closedAtFinish).toBe(true);
    const [scope] = takeScopes(traceId);
    expect(scope?.closed).toBe(true);
    expect(scope?.count).toBe(2);
  });

  it('keeps back-to-back requests on one kept-alive socket apart', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let n = 0; n < 10; n++) {
        const { traceId, headers } = traced();
        const queries = n % 4;
        const response = await get(`${url}/seq/${n}`, { ...headers, 'x-request': `seq-${n}`, 'x-queries': String(queries) }, agent);
        expect(JSON.parse(response.body).traceId).toBe(traceId);
        const scopes = takeScopes(traceId);
        expect(scopes).toHaveLength(1);
        expect(scopes[0]!.count).toBe(queries);
        expect(new Set(scopes[0]!.queries.map((q) => q.sql))).toEqual(queries ? new Set([`SELECT * FROM t WHERE request = 'seq-${n}'`]) : new Set());
      }
    } finally {
      agent.destroy();
    }
  });

  it('never lets 20 concurrent requests see each other’s scope', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    try {
      const requests = Array.from({ length: 20 }, (_, n) => ({ n, queries: 1 + ((n * 7) % 5), ...traced() }));
      const responses = await Promise.all(
        requests.map(({ n, queries, headers }) => get(`${url}/par/${n}`, { ...headers, 'x-request': `par-${n}`, 'x-queries': String(queries) }, agent)),
      );
      requests.forEach(({ n, queries, traceId }, index) => {
        expect(JSON.parse(responses[index]!.body)).toEqual({ traceId, sameScope: true, openBeforeEnd: true });
        const scopes = takeScopes(traceId);
        expect(scopes).toHaveLength(1);
        const [scope] = scopes;
        expect(scope).toBe(seen.get(`par-${n}`)?.scope);
        expect(scope!.count).toBe(queries);
        for (const query of scope!.queries) {
          expect(query.sql).toBe(`SELECT * FROM t WHERE request = 'par-${n}'`);
          expect(query.traceId).toBe(traceId);
        }
      });
      expect(currentScope()).toBeUndefined();
    } finally {
      agent.destroy();
    }
  });

  it('leaves events other than `request` alone', () => {
    const emitted: unknown[] = [];
    const probe = http.createServer();
    probe.on('custom', (...args: unknown[]) => emitted.push(args, currentScope()));
    expect(probe.emit('custom', 1, 2)).toBe(true);
    expect(emitted).toEqual([[1, 2], undefined]);
  });

  it('is applied once however often it is asked for', () => {
    const patched = http.Server.prototype.emit;
    const again = instrumentHttpServers();
    expect(http.Server.prototype.emit).toBe(patched);
    again.dispose();
    expect(http.Server.prototype.emit).toBe(patched);
  });
});

describe('instrumentHttpServers().dispose()', () => {
  it('restores http.Server.prototype.emit and https.Server.prototype.emit', async () => {
    expect(Object.hasOwn(http.Server.prototype, 'emit')).toBe(false);
    const instrumentation = instrumentHttpServers();
    expect(Object.hasOwn(http.Server.prototype, 'emit')).toBe(true);
    expect(Object.hasOwn(https.Server.prototype, 'emit')).toBe(true);
    instrumentation.dispose();
    expect(Object.hasOwn(http.Server.prototype, 'emit')).toBe(false);
    expect(Object.hasOwn(https.Server.prototype, 'emit')).toBe(false);
    expect(http.Server.prototype.emit).toBe(EventEmitter.prototype.emit);
    expect(https.Server.prototype.emit).toBe(EventEmitter.prototype.emit);

    // And requests are no longer scoped.
    let scope: Scope | undefined = undefined;
    const { url, close } = await listen(
      http.createServer((_req, res) => {
        scope = currentScope();
        res.end();
      }),
    );
    try {
      await get(`${url}/after`);
    } finally {
      await close();
    }
    expect(scope).toBeUndefined();
  });
});
