import { describe, expect, it } from 'vitest';
import { PerfgateError } from '../errors.js';
import { startQuery } from '../record/recorder.js';
import { createScope, runInScope } from '../scope/run-in-scope.js';
import { isScopeResult } from '../scope/scope-result.js';
import { parseTraceparent } from '../scope/trace-context.js';
import { describeRequest, isSupertestLike, resolveReceived, type SupertestLike } from './resolve-received.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });

/**
 * Stands in for an unsent supertest request: `serve` plays the server, which
 * sees the headers the matcher set and answers when the request is awaited.
 */
function fakeRequest(url: string, serve: (headers: Record<string, string>) => Promise<unknown>): SupertestLike & { header: Record<string, string> } {
  const header: Record<string, string> = {};
  return {
    method: 'get',
    url,
    header,
    set(field: string, value: string) {
      header[field] = value;
      return this;
    },
    then(onFulfilled, onRejected) {
      return serve(header).then(onFulfilled, onRejected);
    },
  };
}

/** A server that opens a request scope for the incoming traceparent and issues `sqls` in it. */
function serverIssuing(sqls: readonly string[], closeAfterMs = 0) {
  return async (headers: Record<string, string>) => {
    // Header names are case-insensitive on the wire; node hands them to the server lower-cased.
    const traceparent = Object.entries(headers).find(([name]) => name.toLowerCase() === 'traceparent')?.[1];
    const parsed = parseTraceparent(traceparent);
    const scope = createScope({ kind: 'request', name: 'GET /orders?…', method: 'GET', path: '/orders?…', traceId: parsed?.traceId, parentSpanId: parsed?.parentId });
    runInScope(scope, () => sqls.forEach(issue));
    // The response can reach the client before the server's `finish` event closes the scope.
    setTimeout(() => {
      runInScope(scope, () => issue('SELECT late'));
      scope.close();
    }, closeAfterMs);
    return { status: 200 };
  };
}

describe('resolveReceived', () => {
  it('returns a recorded result as it is', async () => {
    const result = await (resolveReceived('toIssueAtMost', () => issue('SELECT 1'), resolveReceived) as Promise<unknown>);
    expect(isScopeResult(result)).toBe(true);
    expect(resolveReceived('toIssueAtMost', result, resolveReceived)).toBe(result);
  });

  it('sends a request with a new traceparent and collects the server scope of that trace-id, once closed', async () => {
    const request = fakeRequest('http://127.0.0.1:4000/orders?page=2', serverIssuing(['SELECT 1', 'SELECT 2'], 20));
    const result = await resolveReceived('toIssueAtMost', request, resolveReceived);
    const sent = parseTraceparent(request.header.traceparent);
    expect(sent).toBeDefined();
    expect(result).toMatchObject({ kind: 'request', traceId: sent!.traceId, name: 'GET /orders?…', count: 3, value: { status: 200 } });
    expect(result.queries.map((q) => q.sql)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT late']);
  });

  it('keeps a traceparent the test set itself and joins on its trace-id', async () => {
    const request = fakeRequest('http://127.0.0.1:4000/orders', serverIssuing(['SELECT 1']));
    request.set('Traceparent', `00-${TRACE_ID}-00f067aa0ba902b7-01`);
    const result = await resolveReceived('toIssueAtMost', request, resolveReceived);
    expect(result.traceId).toBe(TRACE_ID);
    expect(Object.keys(request.header)).toEqual(['Traceparent']);
  });

  it('rejects with NO_REQUEST_SCOPE when no server in this process saw the request', async () => {
    const request = fakeRequest('http://127.0.0.1:4000/orders?secret=1', async () => ({ status: 200 }));
    request.set('traceparent', `00-${TRACE_ID}-00f067aa0ba902b7-01`);
    const failure = resolveReceived('toIssueAtMost', request, resolveReceived);
    await expect(failure).rejects.toBeInstanceOf(PerfgateError);
    await expect(failure).rejects.toMatchObject({ code: 'NO_REQUEST_SCOPE' });
    await expect(failure).rejects.toThrowErrorMatchingInlineSnapshot(`[PerfgateError: toIssueAtMost: GET /orders?… got a response, but no perfgate scope saw a request with trace-id 4bf92f3577b34da6a3ce929d0e0e4736. Is the app served by node:http in this test process with the perfgate plugin loaded, or is \`perfgateMiddleware()\` installed (\`app.register(perfgateFastify)\` for \`fastify.inject()\`)? A request sent to another process cannot be counted.]`);
  });

  it('turns the synchronous error of a received function into a rejection', async () => {
    const failure = new Error('db down');
    const pending = resolveReceived(
      'toIssueAtMost',
      () => {
        throw failure;
      },
      resolveReceived,
    );
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toBe(failure);
  });
});

describe('isSupertestLike and describeRequest', () => {
  it('recognise a thenable with set, method and url only', () => {
    expect(isSupertestLike(fakeRequest('/x', async () => undefined))).toBe(true);
    expect(isSupertestLike(Promise.resolve())).toBe(false);
    expect(isSupertestLike({ method: 'GET', url: '/', set() {} })).toBe(false);
  });

  it('name a request by method and path, without its query string', () => {
    const serve = async () => undefined;
    expect(describeRequest(fakeRequest('http://127.0.0.1:4000/users?email=a@b.c', serve))).toBe('GET /users?…');
    expect(describeRequest(fakeRequest('http://127.0.0.1:4000/users', serve))).toBe('GET /users');
  });
});
