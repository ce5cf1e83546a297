import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentScope, runInScope } from '../scope/run-in-scope.js';
import { openRequestScope, requestScopeOf } from './request-scope.js';

/** The part of a Koa context the middleware uses. */
export interface KoaContextLike {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
}

/**
 * Koa middleware that runs the downstream middleware in the request's
 * scope. With the automatic http scoping on it finds that scope and adds
 * nothing; it matters when that scoping is off or when `app.callback()` is
 * driven without a node:http server.
 *
 * @example
 * app.use(perfgateKoa());
 */
export function perfgateKoa() {
  return function perfgate(ctx: KoaContextLike, next: () => Promise<unknown>): Promise<unknown> {
    const existing = requestScopeOf(ctx.req);
    if (existing !== undefined && currentScope() === existing) return next();
    return runInScope(existing ?? openRequestScope(ctx.req, ctx.res), next);
  };
}
