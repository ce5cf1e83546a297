import { afterEach, describe, expect, it } from 'vitest';
import { getRuntime } from '../runtime.js';
import { createScope, currentScope, runInScope } from '../scope/run-in-scope.js';
import { QueryRecord, type QueryInput } from './query-record.js';
import { finishQuery, isRecording, runAsOuterLayer, samplesCallSite, startQuery } from './recorder.js';
import { endTestState, startTestState } from '../session/test-state.js';

const query = (sql: string, extra: Partial<QueryInput> = {}): QueryInput => ({ sql, source: 'test', dialect: 'postgres', ...extra });

const savedSettings = { ...getRuntime().settings };
afterEach(() => {
  Object.assign(getRuntime().settings, savedSettings);
});

describe('startQuery', () => {
  it('returns undefined and records nothing outside any scope', () => {
    expect(currentScope()).toBeUndefined();
    const scope = createScope({ kind: 'function', name: 'not entered' });
    expect(startQuery(query('SELECT 1'))).toBeUndefined();
    expect(scope.count).toBe(0);
    expect(scope.queries).toEqual([]);
  });

  it('records into the current scope with its trace-id and the query as given', () => {
    const scope = createScope({ kind: 'function', name: 'f', traceId: 'a'.repeat(32) });
    const values = [1, 'x'];
    const record = runInScope(scope, () => startQuery(query('SELECT * FROM t WHERE a = $1 AND b = $2', { values, label: 'T.find', dialect: 'postgres' })));
    expect(record).toBeInstanceOf(QueryRecord);
    expect(record).toMatchObject({ sql: 'SELECT * FROM t WHERE a = $1 AND b = $2', values, source: 'test', label: 'T.find', dialect: 'postgres', traceId: 'a'.repeat(32) });
    expect(record!.shape).toBe('SELECT * FROM t WHERE a = ? AND b = ?');
    expect(record!.kind).toBe('select');
    expect(record!.durationMs).toBeUndefined();
    expect(scope.queries).toEqual([record]);
    expect(scope.count).toBe(1);
  });

  it('lands in the innermost scope and in every enclosing one, with the innermost trace-id', () => {
    const outer = createScope({ kind: 'function', name: 'outer', traceId: '1'.repeat(32) });
    const { middle, inner, records } = runInScope(outer, () => {
      const first = startQuery(query('SELECT 1'));
      const middle = createScope({ kind: 'function', name: 'middle', traceId: '2'.repeat(32) });
      return runInScope(middle, () => {
        const inner = createScope({ kind: 'request', name: 'GET /', traceId: '3'.repeat(32) });
        const second = runInScope(inner, () => startQuery(query('SELECT 2')));
        const third = startQuery(query('SELECT 3'));
        return { middle, inner, records: [first, second, third] };
      });
    });
    expect(inner.parent).toBe(middle);
    expect(middle.parent).toBe(outer);
    expect(records.map((r) => r?.traceId)).toEqual(['1'.repeat(32), '3'.repeat(32), '2'.repeat(32)]);
    expect(outer.queries.map((r) => r.sql)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
    expect(middle.queries.map((r) => r.sql)).toEqual(['SELECT 2', 'SELECT 3']);
    expect(inner.queries.map((r) => r.sql)).toEqual(['SELECT 2']);
    // One record object shared by every scope it landed in.
    expect(outer.queries[1]).toBe(inner.queries[0]);
  });

  it('keeps the first maxQueriesPerScope records and counts the rest by SQL text', () => {
    getRuntime().settings.maxQueriesPerScope = 3;
    const scope = createScope({ kind: 'function', name: 'f' });
    runInScope(scope, () => {
      for (const sql of ['q1', 'q2', 'q3', 'q4', 'q5', 'q4', 'q4']) startQuery(query(sql));
    });
    expect(scope.queries.map((r) => r.sql)).toEqual(['q1', 'q2', 'q3']);
    expect(scope.count).toBe(7);
    expect(scope.overflow).toEqual(new Map([['q4', 3], ['q5', 1]]));
  });

  it('bounds the overflow table too: past the limit of distinct texts only the count grows', () => {
    getRuntime().settings.maxQueriesPerScope = 2;
    const scope = createScope({ kind: 'function', name: 'f' });
    runInScope(scope, () => {
      for (const sql of ['k1', 'k2', 'o1', 'o2', 'o3', 'o1', 'o4']) startQuery(query(sql));
    });
    expect(scope.count).toBe(7);
    expect(scope.queries).toHaveLength(2);
    expect(scope.overflow).toEqual(new Map([['o1', 2], ['o2', 1]]));
  });

  it('applies the limit a scope was created with', () => {
    getRuntime().settings.maxQueriesPerScope = 1;
    const scope = createScope({ kind: 'function', name: 'f' });
    getRuntime().settings.maxQueriesPerScope = 100;
    runInScope(scope, () => {
      startQuery(query('a'));
      startQuery(query('b'));
    });
    expect(scope.queries).toHaveLength(1);
    expect(scope.overflow).toEqual(new Map([['b', 1]]));
  });
});

describe('finishQuery', () => {
  it('stores the duration and marks failures', () => {
    const scope = createScope({ kind: 'function', name: 'f' });
    const [ok, failed, nullError] = runInScope(scope, () => [startQuery(query('a')), startQuery(query('b')), startQuery(query('c'))]);
    finishQuery(ok);
    finishQuery(failed, new Error('db down'));
    finishQuery(nullError, null);
    expect(ok!.durationMs).toBeGreaterThanOrEqual(0);
    expect(ok!.failed).toBe(false);
    expect(failed!.failed).toBe(true);
    expect(nullError!.failed).toBe(false);
  });

  it('ignores a query recorded outside any scope', () => {
    expect(() => finishQuery(undefined, new Error('x'))).not.toThrow();
  });
});

describe('samplesCallSite', () => {
  it('samples the 3rd to 8th occurrence, then each power of two, and the 2nd only when asked (an exact repeat)', () => {
    const sampled = Array.from({ length: 130 }, (_, i) => i).filter((n) => samplesCallSite(n));
    expect(sampled).toEqual([3, 4, 5, 6, 7, 8, 16, 32, 64, 128]);
    expect(samplesCallSite(2, true)).toBe(true);
    expect(samplesCallSite(1, true)).toBe(false);
    expect(samplesCallSite(1024)).toBe(true);
    expect(samplesCallSite(1025)).toBe(false);
  });

  it('gives the occurrences of a statement in a scope stacks, counting statements that differ only in literals as one', () => {
    const scope = createScope({ kind: 'function', name: 'f' });
    const records = runInScope(scope, () => [
      ...Array.from({ length: 10 }, (_, i) => startQuery(query(`SELECT * FROM items WHERE id = ${i}`))),
      startQuery(query('SELECT * FROM orders')),
      startQuery(query("SELECT * FROM orders WHERE note = 'a'")),
    ]);
    expect(records.map((r) => r!.stack !== undefined)).toEqual([false, false, true, true, true, true, true, true, false, false, false, false]);
  });

  it('gives the 2nd run a stack only when it repeats the 1st exactly, or when settings.sampleSecondRun is on', () => {
    const secondRunSampled = (values: [unknown[], unknown[]]) =>
      runInScope(createScope({ kind: 'function', name: 'f' }), () => values.map((v) => startQuery(query('SELECT * FROM items WHERE id = $1', { values: v })))[1]!.stack !== undefined);
    expect(secondRunSampled([[1], [2]])).toBe(false);
    expect(secondRunSampled([[1], [1]])).toBe(true);
    getRuntime().settings.sampleSecondRun = true;
    expect(secondRunSampled([[1], [2]])).toBe(true);
  });

  it('counts occurrences per scope: a nested scope starts again', () => {
    const outer = createScope({ kind: 'function', name: 'outer' });
    const sampled = runInScope(outer, () => {
      const first = startQuery(query('SELECT 1'));
      const inner = createScope({ kind: 'function', name: 'inner' });
      const nested = runInScope(inner, () => startQuery(query('SELECT 1')));
      const second = startQuery(query('SELECT 1'));
      return [first, nested, second].map((r) => r!.stack !== undefined);
    });
    expect(sampled).toEqual([false, false, true]);
  });

  it('uses a stack the ORM captured at the user’s call instead of capturing one, on the runs it samples', () => {
    const given = { stack: 'Error\n    at listOrders (/app/src/orders.ts:3:9)' };
    const scope = createScope({ kind: 'function', name: 'f' });
    const records = runInScope(scope, () => Array.from({ length: 4 }, () => startQuery(query('SELECT 1', { stack: given }))));
    expect(records.map((r) => r!.stack)).toEqual([undefined, given, given, given]);
    expect(records[3]!.callSites).toEqual([{ file: '/app/src/orders.ts', line: 3, column: 9, functionName: 'listOrders' }]);
  });

  it('counts a query recorded by an outer layer once, however many driver layers under it see it', () => {
    const scope = createScope({ kind: 'function', name: 'f' });
    const seenBelow = runInScope(scope, () => {
      const orm = startQuery(query('SELECT * FROM orders', { source: 'orm', label: 'Order.findMany' }));
      const below = runAsOuterLayer(orm, () => [startQuery(query('SELECT * FROM orders', { source: 'pool' })), startQuery(query('SELECT * FROM orders', { source: 'client' }))]);
      const after = startQuery(query('SELECT * FROM items', { source: 'client' }));
      return [...below, after];
    });
    expect(seenBelow.map((r) => r?.source)).toEqual([undefined, undefined, 'client']);
    expect(scope.queries.map((q) => [q.source, q.sql])).toEqual([['orm', 'SELECT * FROM orders'], ['client', 'SELECT * FROM items']]);
  });

  it('captures no stack when call sites are off', () => {
    getRuntime().settings.callSites = false;
    const scope = createScope({ kind: 'function', name: 'f' });
    const records = runInScope(scope, () => Array.from({ length: 5 }, () => startQuery(query('SELECT 1'))));
    expect(records.every((r) => r!.stack === undefined)).toBe(true);
    expect(scope.repeats.size).toBe(0);
  });
});

describe('isRecording', () => {
  it('is false outside every scope with no test holding scopes, true in a scope, and true outside them while a test holds one', () => {
    expect(isRecording()).toBe(false);
    const scope = createScope({ kind: 'function', name: 'f' });
    expect(runInScope(scope, () => isRecording())).toBe(true);
    const state = startTestState({ id: 'recorder.test.ts > a test', file: 'recorder.test.ts', name: 'a test' });
    try {
      runInScope(createScope({ kind: 'function', name: 'g' }), () => undefined);
      // Outside the scope, but the test made one: a query now may be one whose context a library lost.
      expect(isRecording()).toBe(true);
    } finally {
      endTestState(state);
    }
    expect(isRecording()).toBe(false);
  });
});
