import { describe, expect, it } from 'vitest';
import { QueryRecord } from '../record/query-record.js';
import { Scope } from './scope.js';
import { isScopeResult, toScopeResult } from './scope-result.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

function scopeWith(sqls: Array<[sql: string, startedAt: number]>, maxQueries = 10): Scope {
  const scope = new Scope({ kind: 'request', name: 'GET /orders', method: 'GET', path: '/orders', traceId: TRACE_ID, maxQueries });
  for (const [sql, startedAt] of sqls) scope.add(new QueryRecord({ sql, source: 'test', dialect: 'postgres' }, TRACE_ID, startedAt));
  return scope;
}

describe('toScopeResult', () => {
  it('copies one scope', () => {
    const scope = scopeWith([['a', 1], ['b', 2]]);
    const result = toScopeResult([scope], 'response');
    expect(result).toMatchObject({ kind: 'request', traceId: TRACE_ID, name: 'GET /orders', method: 'GET', path: '/orders', count: 2, value: 'response', overflow: undefined });
    expect(result.queries).not.toBe(scope.queries);
    expect(result.queries).toEqual(scope.queries);
  });

  it('merges the scopes of one trace-id: counts, queries by start time and overflow', () => {
    const first = scopeWith([['a', 10], ['b', 30], ['x', 31]], 2);
    const second = scopeWith([['c', 20], ['x', 40], ['y', 41]], 1);
    const result = toScopeResult([first, second], undefined);
    expect(result.name).toBe('GET /orders (+1 more with this trace-id)');
    expect(result.count).toBe(6);
    expect(result.queries.map((q) => q.sql)).toEqual(['a', 'c', 'b']);
    // `y` went past the second scope's bound on distinct overflow texts: counted, not kept.
    expect(result.overflow).toEqual(new Map([['x', 2]]));
  });

  it('needs a scope', () => {
    expect(() => toScopeResult([], undefined)).toThrow(TypeError);
  });

  it('brands what it makes', () => {
    expect(isScopeResult(toScopeResult([scopeWith([])], 1))).toBe(true);
    expect(isScopeResult({ count: 0, queries: [] })).toBe(false);
    expect(isScopeResult(undefined)).toBe(false);
  });
});
