import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { getRuntime } from '../runtime.js';
import { takeScopes } from '../scope/scope-registry.js';
import { openRequestScope, requestPath, requestScopeOf } from './request-scope.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

function fakeRequest(init: { method?: string; url?: string; originalUrl?: string; headers?: Record<string, string> }): IncomingMessage {
  return Object.assign(new EventEmitter(), { headers: {}, ...init }) as unknown as IncomingMessage;
}
const fakeResponse = () => new EventEmitter() as unknown as ServerResponse;

afterEach(() => {
  getRuntime().scopesByTraceId.clear();
});

describe('requestPath', () => {
  it('elides the query string, which can carry personal data', () => {
    expect(requestPath(fakeRequest({ url: '/users?email=a@b.c' }))).toBe('/users?…');
    expect(requestPath(fakeRequest({ url: '/users' }))).toBe('/users');
    expect(requestPath(fakeRequest({ url: '/?' }))).toBe('/?…');
  });

  it("prefers Express's originalUrl and falls back to /", () => {
    expect(requestPath(fakeRequest({ url: '/orders', originalUrl: '/api/orders?x=1' }))).toBe('/api/orders?…');
    expect(requestPath(fakeRequest({}))).toBe('/');
  });
});

describe('openRequestScope', () => {
  it('opens one scope per request, named after method and path, and remembers it by trace-id and parent-id', () => {
    const req = fakeRequest({ method: 'POST', url: '/orders?draft=1', headers: { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` } });
    const res = fakeResponse();
    const scope = openRequestScope(req, res);
    expect(scope).toMatchObject({ kind: 'request', traceId: TRACE_ID, parentSpanId: '00f067aa0ba902b7', name: 'POST /orders?…', method: 'POST', path: '/orders?…' });
    expect(openRequestScope(req, res)).toBe(scope);
    expect(requestScopeOf(req)).toBe(scope);
    expect(takeScopes(TRACE_ID)).toEqual([scope]);
  });

  it('defaults the method to GET', () => {
    expect(openRequestScope(fakeRequest({ url: '/' }), fakeResponse()).name).toBe('GET /');
  });

  it('closes the scope on finish', () => {
    const res = fakeResponse();
    const scope = openRequestScope(fakeRequest({ url: '/' }), res);
    expect(scope.closed).toBe(false);
    res.emit('finish');
    expect(scope.closed).toBe(true);
  });

  it('closes the scope when the connection closes before the response finished', () => {
    const res = fakeResponse();
    const scope = openRequestScope(fakeRequest({ url: '/' }), res);
    res.emit('close');
    expect(scope.closed).toBe(true);
  });

  it('nothing is opened for a request until asked', () => {
    expect(requestScopeOf(fakeRequest({ url: '/' }))).toBeUndefined();
  });
});
