import http from 'node:http';
import { parse as parseForm } from 'node:querystring';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentHttpServers } from '../src/http/http-scope.js';
import { perfgateMiddleware } from '../src/http/middleware.js';
import { perfgateMatchers } from '../src/matchers/index.js';
import type { Instrumentation } from '../src/patch/instrumentation.js';
import { startQuery } from '../src/record/recorder.js';
import { currentScope } from '../src/scope/run-in-scope.js';

// Body parsing must not lose the request's scope. raw-body before 2.5 (what
// body-parser < 1.20 uses: Express ≤ 4.17, Nest ≤ 8) reads the body with
// listeners on the request and calls back from its `end` listener, which
// node's HTTP parser emits from the connection's async context. Those old
// versions cannot live in this workspace beside the current ones; the reader
// below is raw-body 2.4's readStream, reduced to what decides the context.
// The real versions run from packed tarballs in packages/installed-tests.

expect.extend(perfgateMatchers);

const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });

function readLikeRawBody24(req: http.IncomingMessage, callback: (error: unknown, body?: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const onData = (chunk: Buffer) => chunks.push(chunk);
  const onEnd = (error?: unknown) => {
    cleanup();
    if (error) callback(error);
    else callback(undefined, Buffer.concat(chunks));
  };
  const cleanup = () => {
    req.removeListener('data', onData);
    req.removeListener('end', onEnd);
    req.removeListener('error', onEnd);
    req.removeListener('close', cleanup);
  };
  req.on('close', cleanup);
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onEnd);
}

/** The number of items a body asks for, whatever its type: `{"items":3}`, `items=3` or the raw bytes `3`. */
function itemsIn(req: http.IncomingMessage, body: Buffer): number {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return Number((JSON.parse(body.toString('utf8')) as { items: number }).items);
  if (type.startsWith('application/x-www-form-urlencoded')) return Number(parseForm(body.toString('utf8')).items);
  return Number(body.subarray(0, 8).toString('latin1'));
}

/** POST /orders: reads the body, then issues one insert per item, as a handler after body-parser would. */
function createOrder(req: http.IncomingMessage, res: http.ServerResponse): void {
  readLikeRawBody24(req, (error, body) => {
    if (error || body === undefined) {
      res.statusCode = 400;
      res.end();
      return;
    }
    const items = itemsIn(req, body);
    for (let n = 0; n < items; n++) issue('INSERT INTO order_items (order_id, sku) VALUES ($1, $2)');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ items, scoped: currentScope() !== undefined, listeners: req.listenerCount('data') + req.listenerCount('end') }));
  });
}

/** Three items in every body type the parsers handle; the raw one is 256 KiB, so it arrives in many chunks after the headers. */
const BODIES = [
  { type: 'JSON', send: (r: request.Test) => r.send({ items: 3 }) },
  { type: 'urlencoded', send: (r: request.Test) => r.type('form').send('items=3') },
  { type: 'raw', send: (r: request.Test) => r.set('content-type', 'application/octet-stream').send(Buffer.concat([Buffer.from('3'.padEnd(8)), Buffer.alloc(256 * 1024)])) },
];

describe('a body read with listeners on the request', () => {
  let instrumentation: Instrumentation;
  const patched = http.createServer(createOrder);
  const middleware = perfgateMiddleware();
  const withMiddleware = http.createServer((req, res) => middleware(req, res, () => createOrder(req, res)));

  beforeAll(() => {
    instrumentation = instrumentHttpServers();
  });

  afterAll(() => {
    patched.close();
    withMiddleware.close();
    instrumentation.dispose();
  });

  it.each(BODIES)('#16.1 keeps the request scope after a $type body (raw-body < 2.5), under the http patch', async ({ send }) => {
    const post = send(request(patched).post('/orders'));
    await expect(post).toIssueExactly(3);
    // Binding the request's events leaves its listeners as the reader left them: removed.
    expect((await post).body).toEqual({ items: 3, scoped: true, listeners: 0 });
  });

  it('#16.1 keeps the request scope after a JSON body with perfgateMiddleware() alone', async () => {
    instrumentation.dispose();
    try {
      await expect(request(withMiddleware).post('/orders').send({ items: 3 })).toIssueExactly(3);
    } finally {
      instrumentation = instrumentHttpServers();
    }
  });

  it('#16.1 concurrent POSTs each keep their own scope through body parsing', async () => {
    await Promise.all(
      [1, 4, 2, 5, 3].map((items) => expect(request(patched).post('/orders').send({ items })).toIssueExactly(items)),
    );
  });
});
