import { describe, expect, it, vi } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { PerfgateError } from '../errors.js';
import { isPatched, patchMethod } from './patch-method.js';

/** How drivers' methods are typed for patching: any `this`, any arguments. */
type Method = (this: unknown, ...args: unknown[]) => unknown;

function makeClasses() {
  class Base {
    name = 'base';
    greet(greeting: string, punctuation = '!'): string {
      return `${greeting}, ${this.name}${punctuation}`;
    }
  }
  class Derived extends Base {}
  return { Base, Derived };
}

/** A wrap that counts calls and tags the result, so a test can tell patched from original. */
function tagging(calls: unknown[][]) {
  return (original: Method): Method =>
    function (this: unknown, ...args: unknown[]) {
      calls.push(args);
      return `[patched] ${String(original.apply(this, args))}`;
    };
}

const asTarget = <K extends string>(target: object, key: K) => target as { [P in K]: Method };

describe('patchMethod', () => {
  it('patches an own method and restores its exact descriptor', () => {
    const { Base } = makeClasses();
    const before = Object.getOwnPropertyDescriptor(Base.prototype, 'greet');
    const calls: unknown[][] = [];
    const undo = patchMethod(asTarget(Base.prototype, 'greet'), 'greet', tagging(calls));

    expect(new Base().greet('hi')).toBe('[patched] hi, base!');
    expect(Object.getOwnPropertyDescriptor(Base.prototype, 'greet')).toMatchObject({ writable: true, enumerable: false, configurable: true });
    expect(isPatched(Base.prototype, 'greet')).toBe(true);

    undo();
    expect(Object.getOwnPropertyDescriptor(Base.prototype, 'greet')).toEqual(before);
    expect(new Base().greet('hi')).toBe('hi, base!');
    expect(isPatched(Base.prototype, 'greet')).toBe(false);
  });

  it('patches an inherited method on the subclass and removes the own property on undo', () => {
    const { Base, Derived } = makeClasses();
    const undo = patchMethod(asTarget(Derived.prototype, 'greet'), 'greet', tagging([]));
    expect(Object.hasOwn(Derived.prototype, 'greet')).toBe(true);
    expect(new Derived().greet('hi')).toBe('[patched] hi, base!');
    expect(new Base().greet('hi')).toBe('hi, base!');

    undo();
    expect(Object.hasOwn(Derived.prototype, 'greet')).toBe(false);
    expect(Derived.prototype.greet).toBe(Base.prototype.greet);
  });

  it('keeps the enumerable and writable flags while patched, and restores them', () => {
    const target = { name: 'obj', greet: ((greeting: unknown) => greeting) as Method };
    Object.defineProperty(target, 'greet', { writable: false, enumerable: true, configurable: true });
    const before = Object.getOwnPropertyDescriptor(target, 'greet');
    const undo = patchMethod(target, 'greet', tagging([]));
    expect(Object.getOwnPropertyDescriptor(target, 'greet')).toMatchObject({ writable: false, enumerable: true });
    expect(Object.keys(target)).toContain('greet');
    undo();
    expect(Object.getOwnPropertyDescriptor(target, 'greet')).toEqual(before);
  });

  it('passes `this`, every argument and the return value through, and keeps name and length', () => {
    const { Base } = makeClasses();
    const calls: unknown[][] = [];
    const undo = patchMethod(asTarget(Base.prototype, 'greet'), 'greet', tagging(calls));
    const instance = Object.assign(new Base(), { name: 'ada' });
    expect(instance.greet('hello', '?')).toBe('[patched] hello, ada?');
    expect(calls).toEqual([['hello', '?']]);
    expect(Base.prototype.greet.name).toBe('greet');
    expect(Base.prototype.greet.length).toBe(1);
    undo();
  });

  it('rethrows what the original throws, untouched', () => {
    const failure = new TypeError('boom');
    const target = {
      run(): never {
        throw failure;
      },
    };
    const undo = patchMethod(asTarget(target, 'run'), 'run', (original: Method): Method =>
      function (this: unknown, ...args: unknown[]) {
        return original.apply(this, args);
      },
    );
    expect(thrownBy(() => target.run())).toBe(failure);
    undo();
  });

  it('refuses to patch a method twice with ALREADY_PATCHED, and allows it again after undo', () => {
    const { Base } = makeClasses();
    const target = asTarget(Base.prototype, 'greet');
    const undo = patchMethod(target, 'greet', tagging([]));
    const error = thrownBy(() => patchMethod(target, 'greet', tagging([])));
    expect(error).toBeInstanceOf(PerfgateError);
    expect(error).toMatchObject({ code: 'ALREADY_PATCHED' });
    expect(error.message).toMatchInlineSnapshot(`"greet is already patched by another instrumentation; perfgate patches each method once."`);
    // The refused patch changed nothing.
    expect(new Base().greet('hi')).toBe('[patched] hi, base!');

    undo();
    const again = patchMethod(target, 'greet', tagging([]));
    expect(new Base().greet('hi')).toBe('[patched] hi, base!');
    again();
    expect(new Base().greet('hi')).toBe('hi, base!');
  });

  it('refuses a property that is not a method with INVALID_TARGET', () => {
    const target = asTarget({ count: 3 }, 'count');
    const error = thrownBy(() => patchMethod(target, 'count', tagging([])));
    expect(error).toMatchObject({ name: 'PerfgateError', code: 'INVALID_TARGET' });
    expect(error.message).toMatchInlineSnapshot(`"patchMethod: expected count to be a method; received number 3."`);
    expect(isPatched(target, 'count')).toBe(false);
  });

  it('turns a wrapper captured before undo into a pass-through', () => {
    const { Base } = makeClasses();
    const calls: unknown[][] = [];
    const undo = patchMethod(asTarget(Base.prototype, 'greet'), 'greet', tagging(calls));
    const captured = Base.prototype.greet;
    undo();
    expect(captured.call(new Base(), 'hi')).toBe('hi, base!');
    expect(calls).toEqual([]);
  });

  it('does not clobber a wrapper another library installed on top, and stops wrapping underneath it', () => {
    const { Base } = makeClasses();
    const target = asTarget(Base.prototype, 'greet');
    const calls: unknown[][] = [];
    const undo = patchMethod(target, 'greet', tagging(calls));
    const ours = target.greet;
    const theirs = vi.fn(function (this: unknown, ...args: unknown[]) {
      return `[theirs] ${String(ours.apply(this, args))}`;
    });
    target.greet = theirs;

    undo();
    expect(target.greet).toBe(theirs);
    expect(new Base().greet('hi')).toBe('[theirs] hi, base!');
    expect(calls).toEqual([]);
    expect(isPatched(target, 'greet')).toBe(false);
  });

  it('undo is idempotent', () => {
    const { Base } = makeClasses();
    const target = asTarget(Base.prototype, 'greet');
    const undo = patchMethod(target, 'greet', tagging([]));
    undo();
    const second = patchMethod(target, 'greet', tagging([]));
    // A stale undo must not remove the patch made after it.
    undo();
    expect(isPatched(target, 'greet')).toBe(true);
    expect(new Base().greet('hi')).toBe('[patched] hi, base!');
    second();
  });

  it('shares its registry through globalThis, so a second copy of the module sees the patch', async () => {
    const { Base } = makeClasses();
    const target = asTarget(Base.prototype, 'greet');
    const undo = patchMethod(target, 'greet', tagging([]));
    // The query string makes the module loader evaluate the file a second time.
    const specifier = './patch-method.js?second-copy';
    const copy = (await import(specifier)) as typeof import('./patch-method.js');
    expect(copy.patchMethod).not.toBe(patchMethod);
    expect(copy.isPatched(target, 'greet')).toBe(true);
    expect(() => copy.patchMethod(target, 'greet', tagging([]))).toThrow(/already patched/);
    undo();
    expect(copy.isPatched(target, 'greet')).toBe(false);
  });
});
