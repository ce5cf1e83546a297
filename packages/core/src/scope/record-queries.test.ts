import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { startQuery } from '../record/recorder.js';
import type { Scope } from './scope.js';
import { recordQueries, runInNewScope } from './record-queries.js';
import { currentScope } from './run-in-scope.js';
import { isScopeResult, type ScopeResult } from './scope-result.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });

describe('runInNewScope', () => {
  it('returns synchronously for a synchronous function and closes the scope', () => {
    let inside: Scope | undefined;
    const result = runInNewScope(function listOrders() {
      inside = currentScope();
      issue('SELECT 1');
      return 42;
    });
    expect(result).not.toBeInstanceOf(Promise);
    const sync = result as ScopeResult<number>;
    expect(sync.value).toBe(42);
    expect(sync.count).toBe(1);
    expect(sync.name).toBe('listOrders');
    expect(inside?.closed).toBe(true);
    expect(currentScope()).toBeUndefined();
  });

  it('returns a promise for an async function and closes the scope when it settles', async () => {
    let inside: Scope | undefined;
    const pending = runInNewScope(async () => {
      inside = currentScope();
      await new Promise((resolve) => setImmediate(resolve));
      issue('SELECT 1');
      await Promise.resolve();
      issue('SELECT 2');
      return 'done';
    });
    expect(pending).toBeInstanceOf(Promise);
    expect(inside?.closed).toBe(false);
    const result = await pending;
    expect(result.value).toBe('done');
    expect(result.queries.map((q) => q.sql)).toEqual(['SELECT 1', 'SELECT 2']);
    expect(inside?.closed).toBe(true);
  });

  it('counts the queries of a lazy thenable the function returns (a knex builder, a PrismaPromise), which start when `then` is called', async () => {
    const builder = { then: (resolve: (value: unknown) => void) => resolve(issue('SELECT 1') && 'rows') };
    const result = await runInNewScope(() => builder);
    expect(result.value).toBe('rows');
    expect(result.count).toBe(1);
  });

  it('lets a synchronous error through unchanged and closes the scope', () => {
    const failure = new RangeError('nope');
    let inside: Scope | undefined;
    const error = thrownBy(() =>
      runInNewScope(() => {
        inside = currentScope();
        throw failure;
      }),
    );
    expect(error).toBe(failure);
    expect(inside?.closed).toBe(true);
  });

  it('lets a rejection through unchanged and closes the scope', async () => {
    const failure = { notAnError: true };
    let inside: Scope | undefined;
    const pending = runInNewScope(async () => {
      inside = currentScope();
      await Promise.resolve();
      throw failure;
    });
    await expect(pending).rejects.toBe(failure);
    expect(inside?.closed).toBe(true);
  });

  it('treats a returned thenable as asynchronous', async () => {
    const result = await runInNewScope(() => ({ then: (resolve: (v: string) => void) => resolve('from thenable') }));
    expect(result.value).toBe('from thenable');
  });
});

describe('recordQueries', () => {
  it('resolves with a frozen result of the scope', async () => {
    const result = await recordQueries(
      () => {
        issue('SELECT * FROM orders WHERE id = 1');
        issue('SELECT * FROM orders WHERE id = 2');
        return ['a', 'b'];
      },
      { traceId: TRACE_ID, name: 'listOrders' },
    );
    expect(isScopeResult(result)).toBe(true);
    expect(Object.isFrozen(result)).toBe(true);
    expect(result).toMatchObject({ kind: 'function', traceId: TRACE_ID, name: 'listOrders', method: undefined, path: undefined, count: 2, overflow: undefined, value: ['a', 'b'] });
    expect(result.queries.map((q) => q.shape)).toEqual(['SELECT * FROM orders WHERE id = ?', 'SELECT * FROM orders WHERE id = ?']);
    expect(result.queries.every((q) => q.traceId === TRACE_ID)).toBe(true);
  });

  it('names the scope after the function, or "anonymous function", and makes up a trace-id', async () => {
    async function loadUser() {
      return 1;
    }
    const named = await recordQueries(loadUser);
    const anonymous = await recordQueries(() => 1);
    expect(named.name).toBe('loadUser');
    expect(anonymous.name).toBe('anonymous function');
    expect(named.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(anonymous.traceId).not.toBe(named.traceId);
  });

  it('returns a promise even for a synchronous function, and rejects with its error', async () => {
    const failure = new Error('sync failure');
    const pending = recordQueries(() => {
      throw failure;
    });
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toBe(failure);
  });

  it('counts the queries of a nested recording in the outer one too', async () => {
    let inner: ScopeResult | undefined;
    const outer = await recordQueries(async () => {
      issue('SELECT outer_before');
      inner = await recordQueries(() => issue('SELECT inner'));
      issue('SELECT outer_after');
    });
    expect(inner!.queries.map((q) => q.sql)).toEqual(['SELECT inner']);
    expect(outer.queries.map((q) => q.sql)).toEqual(['SELECT outer_before', 'SELECT inner', 'SELECT outer_after']);
    expect(outer.queries[1]!.traceId).toBe(inner!.traceId);
  });

  it('never lets concurrent scopes see each other’s queries, however their awaits interleave', async () => {
    type Step = 'immediate' | 'microtask' | 'none';
    const step = fc.constantFrom<Step>('immediate', 'microtask', 'none');
    const pause = (s: Step) => (s === 'immediate' ? new Promise((resolve) => setImmediate(resolve)) : s === 'microtask' ? Promise.resolve() : undefined);
    // Each scope: the pause before each of its queries.
    const scopes = fc.array(fc.array(step, { maxLength: 12 }), { minLength: 1, maxLength: 8 });

    await fc.assert(
      fc.asyncProperty(scopes, async (plans) => {
        const results = await Promise.all(
          plans.map((plan, index) =>
            recordQueries(async () => {
              for (const s of plan) {
                await pause(s);
                issue(`SELECT * FROM t WHERE scope = ${index}`);
              }
            }),
          ),
        );
        results.forEach((result, index) => {
          expect(result.count).toBe(plans[index]!.length);
          for (const q of result.queries) {
            expect(q.sql).toBe(`SELECT * FROM t WHERE scope = ${index}`);
            expect(q.traceId).toBe(result.traceId);
          }
        });
        expect(currentScope()).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });
});
