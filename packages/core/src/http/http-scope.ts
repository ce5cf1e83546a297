import http from 'node:http';
import https from 'node:https';
import { acquireInstrumentation, type Instrumentation } from '../patch/instrumentation.js';
import { patchMethod } from '../patch/patch-method.js';
import { runInScope } from '../scope/run-in-scope.js';
import { openRequestScope } from './request-scope.js';

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

function wrapEmit(original: Emit): Emit {
  return function emit(this: unknown, event, ...args) {
    if (event !== 'request') return original.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    return runInScope(openRequestScope(req, res), () => original.call(this, event, ...args));
  };
}

/**
 * Runs every request that reaches a node:http or node:https server in this
 * process in its own scope, so Express, Koa, Fastify (listening) and Nest
 * apps need no code change. Patches `Server.prototype.emit` for the
 * `request` event only.
 */
export function instrumentHttpServers(): Instrumentation {
  return acquireInstrumentation('http-server', http.Server.prototype, (undo) => {
    undo.push(patchMethod(http.Server.prototype as unknown as { emit: Emit }, 'emit', wrapEmit));
    undo.push(patchMethod(https.Server.prototype as unknown as { emit: Emit }, 'emit', wrapEmit));
  });
}
