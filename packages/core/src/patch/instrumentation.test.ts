import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { acquireInstrumentation } from './instrumentation.js';
import { patchMethod } from './patch-method.js';

/** Names are global (on globalThis): a fresh one per test keeps tests independent. */
const uniqueName = () => `test-${randomUUID()}`;

type Query = (this: unknown, ...args: unknown[]) => unknown;

function makeDriver(): { query: Query } {
  return { query: (sql) => `result of ${String(sql)}` };
}

/** A patch of `driver.query` that prefixes each result with `tag`. */
function prefixing(tag: string) {
  return (original: Query): Query =>
    function (this: unknown, ...args: unknown[]) {
      return `${tag} ${String(original.apply(this, args))}`;
    };
}

describe('acquireInstrumentation', () => {
  it('applies once for any number of handles and undoes when the last is disposed', () => {
    const name = uniqueName();
    const driver = makeDriver();
    const unpatched = driver.query;
    const apply = vi.fn((undo: Array<() => void>) => {
      undo.push(patchMethod(driver, 'query', prefixing('[seen]')));
    });

    const first = acquireInstrumentation(name, driver, apply);
    const second = acquireInstrumentation(name, driver, apply);
    expect(apply).toHaveBeenCalledTimes(1);
    expect(driver.query('SELECT 1')).toBe('[seen] result of SELECT 1');

    first.dispose();
    expect(driver.query('SELECT 1')).toBe('[seen] result of SELECT 1');

    second.dispose();
    expect(driver.query('SELECT 1')).toBe('result of SELECT 1');
    expect(driver.query).toBe(unpatched);
  });

  it('counts a handle once however often it is disposed', () => {
    const name = uniqueName();
    const undone = vi.fn();
    const target = {};
    const a = acquireInstrumentation(name, target, (undo) => undo.push(undone));
    const b = acquireInstrumentation(name, target, (undo) => undo.push(undone));
    a.dispose();
    a.dispose();
    a.dispose();
    expect(undone).not.toHaveBeenCalled();
    b.dispose();
    expect(undone).toHaveBeenCalledTimes(1);
    b.dispose();
    expect(undone).toHaveBeenCalledTimes(1);
  });

  it('runs the undos in reverse order', () => {
    const order: string[] = [];
    const handle = acquireInstrumentation(uniqueName(), {}, (undo) => {
      undo.push(() => order.push('first'));
      undo.push(() => order.push('second'));
      undo.push(() => order.push('third'));
    });
    handle.dispose();
    expect(order).toEqual(['third', 'second', 'first']);
  });

  it('applies again after everything was disposed', () => {
    const name = uniqueName();
    const target = {};
    const apply = vi.fn();
    acquireInstrumentation(name, target, apply).dispose();
    const again = acquireInstrumentation(name, target, apply);
    expect(apply).toHaveBeenCalledTimes(2);
    again.dispose();
  });

  it('keeps separate counts per target and per name', () => {
    const name = uniqueName();
    const apply = vi.fn();
    const one = {};
    const two = {};
    const handles = [
      acquireInstrumentation(name, one, apply),
      acquireInstrumentation(name, two, apply),
      acquireInstrumentation(uniqueName(), one, apply),
    ];
    expect(apply).toHaveBeenCalledTimes(3);
    handles.forEach((h) => h.dispose());
  });

  it('undoes what `apply` did when it throws halfway, and rethrows the same error', () => {
    const name = uniqueName();
    const driver = makeDriver();
    const original = driver.query;
    const failure = new Error('the second patch failed');
    const attempt = () =>
      acquireInstrumentation(name, driver, (undo) => {
        undo.push(patchMethod(driver, 'query', prefixing('[seen]')));
        throw failure;
      });

    expect(attempt).toThrow(failure);
    expect(driver.query).toBe(original);
    expect(driver.query('SELECT 1')).toBe('result of SELECT 1');

    // Nothing was registered: the next acquire applies afresh (and does not hit ALREADY_PATCHED).
    const apply = vi.fn((undo: Array<() => void>) => {
      undo.push(patchMethod(driver, 'query', prefixing('[again]')));
    });
    const handle = acquireInstrumentation(name, driver, apply);
    expect(apply).toHaveBeenCalledTimes(1);
    expect(driver.query('SELECT 1')).toBe('[again] result of SELECT 1');
    handle.dispose();
    expect(driver.query).toBe(original);
  });
});
