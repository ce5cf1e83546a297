import { afterEach, describe, expect, it } from 'vitest';
import { getRuntime } from '../runtime.js';
import { createScope } from './run-in-scope.js';
import { claimTraceparent, rememberScope, releaseTraceparent, takeScopes } from './scope-registry.js';
import { Scope } from './scope.js';

const savedSettings = { ...getRuntime().settings };
afterEach(() => {
  Object.assign(getRuntime().settings, savedSettings);
  getRuntime().scopesByTraceId.clear();
});

const traceId = (n: number) => n.toString(16).padStart(32, 'a');
const requestScope = (id: string) => new Scope({ kind: 'request', name: 'GET /', traceId: id, maxQueries: 10 });

describe('scope registry', () => {
  it('hands out the scopes of a trace-id once, oldest first', () => {
    const first = requestScope(traceId(1));
    const second = requestScope(traceId(1));
    rememberScope(first);
    rememberScope(second);
    expect(takeScopes(traceId(1))).toEqual([first, second]);
    expect(takeScopes(traceId(1))).toEqual([]);
  });

  it('#11.10 hands out only the scopes of one parent-id, leaving the trace-id\'s others', () => {
    const scope = (parentSpanId: string) => new Scope({ kind: 'request', name: 'GET /', traceId: traceId(1), parentSpanId, maxQueries: 10 });
    const [a, b, a2] = [scope('00f067aa0ba902b7'), scope('00f067aa0ba902b8'), scope('00f067aa0ba902b7')];
    [a, b, a2].forEach(rememberScope);
    expect(takeScopes(traceId(1), '00f067aa0ba902b7')).toEqual([a, a2]);
    expect(takeScopes(traceId(1), '00f067aa0ba902b7')).toEqual([]);
    expect(takeScopes(traceId(1), '00f067aa0ba902b8')).toEqual([b]);
    expect(getRuntime().scopesByTraceId.size).toBe(0);
  });

  it('claims a trace-id and parent-id for one request in flight at a time', () => {
    expect(claimTraceparent(traceId(1), '00f067aa0ba902b7')).toBe(true);
    expect(claimTraceparent(traceId(1), '00f067aa0ba902b7')).toBe(false);
    expect(claimTraceparent(traceId(1), '00f067aa0ba902b8')).toBe(true);
    releaseTraceparent(traceId(1), '00f067aa0ba902b7');
    expect(claimTraceparent(traceId(1), '00f067aa0ba902b7')).toBe(true);
    releaseTraceparent(traceId(1), '00f067aa0ba902b7');
    releaseTraceparent(traceId(1), '00f067aa0ba902b8');
  });

  it('returns nothing for an unknown trace-id', () => {
    expect(takeScopes(traceId(99))).toEqual([]);
  });

  it('forgets the oldest trace-ids past maxRememberedTraces', () => {
    getRuntime().settings.maxRememberedTraces = 3;
    for (let n = 1; n <= 5; n++) rememberScope(requestScope(traceId(n)));
    expect(getRuntime().scopesByTraceId.size).toBe(3);
    expect(takeScopes(traceId(1))).toEqual([]);
    expect(takeScopes(traceId(2))).toEqual([]);
    for (let n = 3; n <= 5; n++) expect(takeScopes(traceId(n)).map((s) => s.traceId)).toEqual([traceId(n)]);
  });

  it('adds a scope to a trace-id it already holds without counting a new trace', () => {
    getRuntime().settings.maxRememberedTraces = 2;
    rememberScope(requestScope(traceId(1)));
    rememberScope(requestScope(traceId(2)));
    rememberScope(requestScope(traceId(1)));
    expect(takeScopes(traceId(1))).toHaveLength(2);
    expect(takeScopes(traceId(2))).toHaveLength(1);
  });

  it('remembers request scopes when they are created, and function scopes never', () => {
    const request = createScope({ kind: 'request', name: 'GET /a', traceId: traceId(7) });
    createScope({ kind: 'function', name: 'f', traceId: traceId(8) });
    expect(takeScopes(traceId(7))).toEqual([request]);
    expect(takeScopes(traceId(8))).toEqual([]);
  });
});
