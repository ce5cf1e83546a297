import http from 'node:http';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instrumentHttpServers } from '../src/http/http-scope.js';
import { perfgateMatchers } from '../src/matchers/index.js';
import type { Instrumentation } from '../src/patch/instrumentation.js';
import { startQuery } from '../src/record/recorder.js';
import { formatTraceparent, newTraceId } from '../src/scope/trace-context.js';
import { failureMessage, TRACE_ID } from './matcher-helpers.js';

// A spec that sets `traceparent` itself (one trace for the test, as a tracing
// client would) and sends its requests concurrently: each request is its own
// scope, found by its whole header, never merged with a sibling's.

expect.extend(perfgateMatchers);

const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });

/** Resolves once `count` requests have reached the server: the concurrent requests below are all in flight together. */
let arrivals: { count: number; resolve: () => void; all: Promise<void> } | undefined;
function expectArrivals(count: number): void {
  let resolve!: () => void;
  const all = new Promise<void>((done) => (resolve = done));
  arrivals = { count, resolve, all };
}

/** `/n/<k>` issues k queries, yielding between them so concurrent requests interleave. */
const server = http.createServer(async (req, res) => {
  const queries = Number(req.url?.split('/')[2] ?? 0);
  if (arrivals !== undefined) {
    if (--arrivals.count === 0) arrivals.resolve();
    await arrivals.all;
  }
  for (let n = 0; n < queries; n++) {
    await new Promise((resolve) => setImmediate(resolve));
    issue(`SELECT ${queries} FROM t`);
  }
  res.end('ok');
});

describe('requests that share a trace-id', () => {
  let instrumentation: Instrumentation;

  beforeAll(() => {
    instrumentation = instrumentHttpServers();
  });

  afterEach(() => {
    arrivals = undefined;
  });

  afterAll(() => {
    server.close();
    instrumentation.dispose();
  });

  it('#11.10 keeps two concurrent requests with one trace-id and their own parent-ids apart', async () => {
    const traceId = newTraceId();
    expectArrivals(2);
    await Promise.all([
      expect(request(server).get('/n/1').set('traceparent', formatTraceparent(traceId, '00f067aa0ba902b7'))).toIssueExactly(1),
      expect(request(server).get('/n/3').set('traceparent', formatTraceparent(traceId, '00f067aa0ba902b8'))).toIssueExactly(3),
    ]);
  });

  it('#11.10 refuses a traceparent another request in flight already carries, naming the fix', async () => {
    const traceparent = formatTraceparent(TRACE_ID, '00f067aa0ba902b7');
    const first = expect(request(server).get('/n/2').set('traceparent', traceparent)).toIssueExactly(2);
    const second = failureMessage(expect(request(server).get('/n/1').set('traceparent', traceparent)).toIssueExactly(1));
    expect(await second).toMatchInlineSnapshot(`"toIssueExactly: GET /n/1 has the traceparent header "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", which another request still in flight carries too; the server cannot tell their scopes apart. Give each request its own parent-id (the third field: 16 lowercase hex), or let perfgate set the header."`);
    await first;
  });

  it('a traceparent can be reused once the request that carried it was judged', async () => {
    const traceparent = formatTraceparent(newTraceId());
    await expect(request(server).get('/n/2').set('traceparent', traceparent)).toIssueExactly(2);
    await expect(request(server).get('/n/1').set('traceparent', traceparent)).toIssueExactly(1);
  });
});
