import type { AsyncLocalStorage } from 'node:async_hooks';
import { getRuntime } from '../runtime.js';

type Callback<A extends unknown[], R> = (this: unknown, ...args: A) => R;

/** `storage.run` with a store that may be undefined (no scope, no test): the callback then sees none, as its caller did. */
function runWith<T, R>(storage: AsyncLocalStorage<T>, store: T | undefined, fn: () => R): R {
  return storage.run(store as T, fn);
}

/**
 * Binds a callback to the caller's perfgate context — its scope, the outer
 * layer's query and its test — for a driver that may call it back from
 * another request's async context (a pool handing out a client another
 * request released). Cheaper than `AsyncResource.bind`, which on Node 20
 * creates a resource and two `util.deprecate` wrappers per call: capturing
 * is three store reads, and a callback that runs where its caller's context
 * already is (the usual case) is called as is. Only perfgate's own stores
 * are restored; the application's AsyncLocalStorages see what they would
 * see without perfgate.
 */
export function bindToCaller<A extends unknown[], R>(fn: Callback<A, R>): Callback<A, R> {
  const runtime = getRuntime();
  const { storage, layer, tests } = runtime;
  const scope = storage.getStore();
  const outer = runtime.layersInUse ? layer.getStore() : undefined;
  const test = tests.storage.getStore();
  return function (this: unknown, ...args: A): R {
    if (storage.getStore() === scope && tests.storage.getStore() === test && (!runtime.layersInUse || layer.getStore() === outer)) return fn.apply(this, args);
    return runWith(tests.storage, test, () => runWith(layer, outer, () => runWith(storage, scope, () => fn.apply(this, args))));
  };
}
