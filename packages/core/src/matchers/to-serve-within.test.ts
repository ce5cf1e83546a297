import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureMessage } from '../../test/matcher-helpers.js';
import { instrumentHttpServers } from '../http/http-scope.js';
import type { Instrumentation } from '../patch/instrumentation.js';
import { startQuery } from '../record/recorder.js';
import { toServeWithin } from './to-serve-within.js';

expect.extend({ toServeWithin });

const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Orders: one query, or (?slow) a 20 ms sleep, or (/n-plus-one) a query per order. */
function ordersApp() {
  const app = express();
  app.get('/orders', async (_req, res) => {
    issue('SELECT * FROM orders LIMIT 10');
    res.json([]);
  });
  app.get('/slow', async (_req, res) => {
    await pause(20);
    res.json([]);
  });
  app.get('/n-plus-one', async (_req, res) => {
    issue('SELECT * FROM orders LIMIT 10');
    for (let id = 1; id <= 10; id++) {
      await Promise.resolve();
      issue(`SELECT * FROM order_items WHERE order_id = ${id}`);
    }
    res.json([]);
  });
  return app;
}

/** Timings change from run to run: the message's numbers are replaced, its words are pinned. */
const words = (message: string) => message.replace(/(?<![a-z\d])\d[\d,.]*( ms| s|%|\/s)?/g, (_m, unit: string | undefined) => `<n>${unit ?? ''}`);

let http_: Instrumentation;
beforeAll(() => {
  http_ = instrumentHttpServers();
});
afterAll(() => http_.dispose());

describe('toServeWithin', () => {
  it('passes an endpoint within its budget, served from the app on a loopback port', async () => {
    await expect(ordersApp()).toServeWithin({ p99: '2 s', requests: 200, connections: 4 }, { request: { path: '/orders' } });
    await expect(request(ordersApp()).get('/orders')).toServeWithin({ p99: '2 s', requests: 100 });
  });

  it('fails a 20 ms endpoint on a 10 ms p99, saying by how much and what load it ran', async () => {
    const message = await failureMessage(expect(ordersApp()).toServeWithin({ p99: '10 ms', requests: 100, connections: 5 }, { request: { path: '/slow' } }));
    expect(words(message)).toMatchInlineSnapshot(`
      "expect(app).toServeWithin(budget)

      Expected: p99 ≤ <n> ms, errors ≤ <n>%
      Received: p99 <n> ms, p50 <n> ms, max <n> ms, <n> errors (<n>%): p99 <n> ms over
      Load:     GET /slow, <n> connections, <n> requests in <n> ms (<n>/s), loopback
      Queries:  <n> per request
      Trace-id: <trace-id>"
    `);
  });

  it('counts the queries of each request and names an N+1', async () => {
    const message = await failureMessage(expect(request(ordersApp()).get('/n-plus-one')).not.toServeWithin({ p99: '5 s', requests: 50, connections: 2 }));
    expect(message).toContain('Queries:  11 per request; N+1 in 1 statement, see below');
    expect(message).toMatch(/N\+1 in the heaviest request:\n  10 × SELECT \* FROM order_items WHERE order_id = \?\n +10 different parameter sets\n +from  src\/matchers\/to-serve-within\.test\.ts:\d+:\d+/);
    expect(words(message)).toMatchInlineSnapshot(`
      "expect(app).not.toServeWithin(budget)

      Expected: not p99 ≤ <n> ms, errors ≤ <n>%
      Received: p99 <n> ms, p50 <n> ms, max <n> ms, <n> errors (<n>%)
      Load:     GET /n-plus-one, <n> connections, <n> requests in <n> ms (<n>/s), loopback
      Queries:  <n> per request; N+<n> in <n> statement, see below
      Trace-id: <trace-id>

      N+<n> in the heaviest request:
        <n> × SELECT * FROM order_items WHERE order_id = ?
             <n> different parameter sets
             from  src/matchers/to-serve-within.test.ts:<n>:<n> (issue)
             via   src/matchers/to-serve-within.test.ts:<n>:<n>
             after <n> × SELECT * FROM orders LIMIT ?
             fix   load them in one query (WHERE order_id = ANY($<n>)) or JOIN them to the query before; in resolvers, batch with a DataLoader

      Statements of the heaviest request (<n>):
        <n> × SELECT * FROM order_items WHERE order_id = ?
            from src/matchers/to-serve-within.test.ts:<n>:<n> (issue)
        <n> × SELECT * FROM orders LIMIT ?"
    `);
  });
});

describe('toServeWithin input errors', () => {
  it('refuses budgets without units, unknown keys and runs past its bounds', async () => {
    const app = ordersApp();
    await expect(expect(app).toServeWithin({ p99: 50 } as never)).rejects.toThrow('toServeWithin: "p99": number 50 is not a duration');
    await expect(expect(app).toServeWithin({ p99: '50 ms', p95: '10 ms' } as never)).rejects.toThrow('unknown budget key "p95"');
    await expect(expect(app).toServeWithin({ p99: '50 ms', duration: '5 min' })).rejects.toThrow('"duration": the string "5 min" is not a duration');
    await expect(expect(app).toServeWithin({ p99: '50 ms', duration: '60 s' })).rejects.toThrow('"duration" must be from 100 ms to 30 s');
    await expect(expect(app).toServeWithin({ p99: '50 ms', requests: 1e6 })).rejects.toThrow('"requests" must be a whole number from 1 to 100,000');
    await expect(expect(app).toServeWithin({ p99: '50 ms', requests: 10, duration: '1 s' })).rejects.toThrow('give "duration" or "requests", not both');
    await expect(expect(app).toServeWithin({ p99: '50 ms', errorRate: '5' })).rejects.toThrow('"errorRate" must be a share from 0 to 1');
  });

  it('#11.7 cuts the default 10 connections to fewer requests, and says so in the Load row', async () => {
    const message = await failureMessage(expect(ordersApp()).not.toServeWithin({ p99: '5 s', requests: 5 }, { request: { path: '/orders' } }));
    expect(message).toMatch(/\nLoad: {5}GET \/orders, 5 connections \(not the default 10: one per request\), 5 requests in /);
  });

  it('#11.7 refuses more connections than requests, naming both, and a bad port, before starting anything', async () => {
    let served = 0;
    const counting = (_req: http.IncomingMessage, res: http.ServerResponse) => void res.end(String(++served));
    const rejection = (assertion: Promise<unknown>) => assertion.then(() => 'passed', (error: Error) => `${error.name}: ${error.message}`);
    expect(await rejection(expect(counting).toServeWithin({ p99: '50 ms', requests: 5, connections: 10 }))).toMatchInlineSnapshot(
      `"PerfgateError: toServeWithin: "connections" (10) cannot be more than "requests" (5): each connection sends at least one request; lower "connections" or raise "requests"."`,
    );
    expect(await rejection(expect(counting).toServeWithin({ p99: '50 ms' }, { port: 70_000 }))).toMatchInlineSnapshot(
      `"PerfgateError: toServeWithin: option "port" must be a whole number from 1 to 65535 (or 0: any free port); received number 70000."`,
    );
    expect(await rejection(expect(counting).toServeWithin({ p99: '50 ms' }, { port: 80.5 }))).toContain('option "port" must be a whole number from 1 to 65535');
    expect(await rejection(expect(counting).toServeWithin({ p99: '50 ms' }, { port: '8080' as never }))).toContain('received the string "8080"');
    expect(served).toBe(0);
  });

  it('says when the port is taken, the target is not loopback, or the app throws', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      await expect(expect(ordersApp()).toServeWithin({ p99: '50 ms' }, { port })).rejects.toThrow(`toServeWithin: cannot listen on 127.0.0.1:${port}: Error: listen EADDRINUSE`);
    } finally {
      busy.close();
    }
    const remote = { method: 'GET', url: 'http://example.com/orders', set: () => remote, then: () => undefined };
    await expect(expect(remote).toServeWithin({ p99: '50 ms' })).rejects.toThrow('toServeWithin: http://example.com/orders is not a loopback address');
    const throwing = () => {
      throw new TypeError('orders is not iterable');
    };
    await expect(expect(throwing).toServeWithin({ p99: '50 ms' })).rejects.toThrow('toServeWithin: GET / answered 500 before any load: TypeError: orders is not iterable');
    await expect(expect(42).toServeWithin({ p99: '50 ms' })).rejects.toThrow('toServeWithin: expect() received number 42; pass the app');
  });
});
