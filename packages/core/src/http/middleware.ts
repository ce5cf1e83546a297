import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentScope, runInScope } from '../scope/run-in-scope.js';
import { openRequestScope, requestScopeOf } from './request-scope.js';

/**
 * Express/Connect middleware that runs the rest of the chain in the request's
 * scope. With the automatic http scoping on it finds that scope and adds
 * nothing; without it, it opens the scope itself.
 */
export function perfgateMiddleware() {
  return function perfgate(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const existing = requestScopeOf(req);
    if (existing !== undefined && currentScope() === existing) {
      next();
      return;
    }
    runInScope(existing ?? openRequestScope(req, res), () => next());
  };
}
