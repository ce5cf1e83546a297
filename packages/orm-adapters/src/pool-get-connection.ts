import { AsyncResource } from 'node:async_hooks';
import { currentScope, getRuntime } from '@perfgate/core';

type Method = (this: unknown, ...args: unknown[]) => unknown;

/**
 * `pool.getConnection(callback)` for mysql and mysql2 pools. A connection
 * handed out after a wait calls back from the async context that released it,
 * which may be another request's. With the callback bound, it calls back in the
 * caller's context. New connections are opened outside perfgate's scopes, so
 * their sockets do not carry the first caller's scope.
 */
export const wrapGetConnection = (original: Method): Method =>
  function getConnection(this: unknown, ...args: unknown[]) {
    if (typeof args[0] === 'function') args[0] = AsyncResource.bind(args[0] as Method);
    if (currentScope() === undefined) return original.apply(this, args);
    return getRuntime().storage.exit(() => original.apply(this, args));
  };
