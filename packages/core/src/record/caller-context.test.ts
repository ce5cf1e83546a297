import { describe, expect, it } from 'vitest';
import { getRuntime } from '../runtime.js';
import { createScope, currentScope, runInScope } from '../scope/run-in-scope.js';
import { bindToCaller } from './caller-context.js';
import { runAsOuterLayer, startQuery } from './recorder.js';

const query = { sql: 'SELECT 1', source: 'test', dialect: 'postgres' } as const;

describe('bindToCaller', () => {
  it("runs the callback in its caller's scope when another scope calls it back, and in none when its caller had none", () => {
    const caller = createScope({ kind: 'function', name: 'caller' });
    const other = createScope({ kind: 'function', name: 'other' });
    const bound = runInScope(caller, () => bindToCaller(() => currentScope()));
    const unscoped = bindToCaller(() => currentScope());
    expect(runInScope(other, () => [bound(), unscoped()])).toEqual([caller, undefined]);
    expect(runInScope(other, () => currentScope())).toBe(other);
  });

  it('keeps the outer layer of its caller, so a driver call under it is not counted again', () => {
    const scope = createScope({ kind: 'function', name: 'pooled' });
    const record = runInScope(scope, () => startQuery(query));
    const bound = runInScope(scope, () => runAsOuterLayer(record, () => bindToCaller(() => startQuery(query))));
    expect(getRuntime().layersInUse).toBe(true);
    expect(runInScope(createScope({ kind: 'function', name: 'elsewhere' }), bound)).toBeUndefined();
    expect(scope.count).toBe(1);
  });

  it("passes `this`, the arguments and the return value through, and the callback's errors", () => {
    const self = { name: 'client' };
    const bound = bindToCaller(function (this: unknown, a: number, b: string) {
      return { self: this, args: [a, b] };
    });
    expect(bound.call(self, 1, 'x')).toEqual({ self, args: [1, 'x'] });
    const boom = new Error('boom');
    const throwing = runInScope(createScope({ kind: 'function', name: 'f' }), () =>
      bindToCaller(() => {
        throw boom;
      }),
    );
    expect(() => runInScope(createScope({ kind: 'function', name: 'g' }), throwing)).toThrow(boom);
  });
});
