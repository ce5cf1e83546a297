import type { IncomingMessage } from 'node:http';
import { getRuntime } from '../runtime.js';
import type { Scope } from '../scope/scope.js';

type Emit = (this: IncomingMessage, event: string | symbol, ...args: unknown[]) => boolean;

/** Whether `scope` is `outer` or nested in it. */
function within(scope: Scope | undefined, outer: Scope): boolean {
  for (let s = scope; s !== undefined; s = s.parent) if (s === outer) return true;
  return false;
}

/**
 * Runs every listener of the request's events (`data`, `end`, `error`,
 * `close`, `aborted`…) in the request's scope.
 *
 * node's HTTP parser pushes a body that arrives after the headers from the
 * connection's async context, not the request's. A body reader that calls
 * back from its `end` listener — raw-body before 2.5, so body-parser before
 * 1.20 (Express ≤ 4.17, Nest ≤ 8) — then runs the rest of the request
 * outside its scope, and every query after body parsing went uncounted.
 * Binding the emitter, not each listener, keeps `removeListener` and
 * `listenerCount` exactly as they were. The own `emit` is not enumerable and
 * defers to the prototype's at each call, so a patch made later on
 * `IncomingMessage.prototype.emit` still runs.
 */
export function bindRequestEvents(req: IncomingMessage, scope: Scope): void {
  const { storage } = getRuntime();
  const own = Object.getOwnPropertyDescriptor(req, 'emit')?.value as Emit | undefined;
  function emit(this: IncomingMessage, event: string | symbol, ...args: unknown[]): boolean {
    const original = own ?? (Reflect.get(Object.getPrototypeOf(this) as object, 'emit', this) as Emit);
    // Already in the request's scope, or in one nested in it: nothing to restore.
    if (within(storage.getStore(), scope)) return original.call(this, event, ...args);
    return storage.run(scope, () => original.call(this, event, ...args));
  }
  Object.defineProperty(req, 'emit', { value: emit, writable: true, configurable: true, enumerable: false });
}
