import { perfgateError } from '../errors.js';

type AnyFunction = (this: unknown, ...args: never[]) => unknown;

interface PatchEntry {
  readonly descriptor: PropertyDescriptor | undefined;
  readonly wrapper: AnyFunction;
  active: boolean;
}

const REGISTRY_KEY = Symbol.for('perfgate.patches.v1');
type GlobalWithPatches = typeof globalThis & { [REGISTRY_KEY]?: WeakMap<object, Map<PropertyKey, PatchEntry>> };

function registry(): WeakMap<object, Map<PropertyKey, PatchEntry>> {
  const holder = globalThis as GlobalWithPatches;
  if (holder[REGISTRY_KEY] === undefined) {
    Object.defineProperty(holder, REGISTRY_KEY, { value: new WeakMap(), enumerable: false });
  }
  return holder[REGISTRY_KEY]!;
}

export function isPatched(target: object, key: PropertyKey): boolean {
  return registry().get(target)?.get(key)?.active === true;
}

/**
 * Replaces `target[key]` with `wrap(original)` and returns the undo. The
 * registry lives on `globalThis`, so two copies of perfgate in one process
 * share it and never patch the same method twice.
 *
 * Undo restores the exact property descriptor (or removes the own property
 * when the method was inherited). When someone else has wrapped the method
 * since, undo cannot unwrap them: the wrapper turns into a pass-through.
 */
export function patchMethod<T extends object, K extends keyof T & PropertyKey>(
  target: T,
  key: K,
  wrap: (original: T[K] & AnyFunction) => T[K] & AnyFunction,
): () => void {
  const perTarget = registry().get(target) ?? new Map<PropertyKey, PatchEntry>();
  registry().set(target, perTarget);
  if (perTarget.get(key)?.active) throw perfgateError('ALREADY_PATCHED', [`${String(key)}`]);
  const original = target[key] as T[K] & AnyFunction;
  if (typeof original !== 'function') throw perfgateError('INVALID_TARGET', ['patchMethod', `${String(key)} to be a method`, original]);

  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  const patched = wrap(original);
  const entry: PatchEntry = { descriptor, wrapper: patched, active: true };
  // The exported wrapper checks `active` so it can fall back to the original
  // after undo even if another library captured it in the meantime.
  // `arguments`, not a rest parameter: this runs on every call of a driver's hot method, and passing
  // `arguments` straight to `apply` allocates no array.
  const wrapper = function (this: unknown): unknown {
    return entry.active ? patched.apply(this, arguments as unknown as never[]) : original.apply(this, arguments as unknown as never[]);
  };
  Object.defineProperties(wrapper, {
    name: { value: original.name },
    length: { value: original.length },
  });
  Object.defineProperty(target, key, {
    value: wrapper,
    writable: descriptor?.writable ?? true,
    enumerable: descriptor?.enumerable ?? false,
    configurable: true,
  });
  perTarget.set(key, entry);

  return () => {
    if (!entry.active) return;
    entry.active = false;
    perTarget.delete(key);
    if ((target as Record<PropertyKey, unknown>)[key] !== wrapper) return;
    if (descriptor === undefined) delete (target as Record<PropertyKey, unknown>)[key];
    else Object.defineProperty(target, key, descriptor);
  };
}
