import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentScope, runInScope } from '../scope/run-in-scope.js';
import { openRequestScope, requestScopeOf } from './request-scope.js';

/** The part of a Fastify instance the plugin uses (structural, so core needs no Fastify types). */
export interface FastifyInstanceLike {
  addHook(name: 'onRequest', hook: (request: { raw: IncomingMessage }, reply: { raw: ServerResponse }, done: (error?: Error) => void) => void): unknown;
}

/** Runs the rest of the request's lifecycle (hooks, body parsing, handler) in the request's scope. */
function onRequest(request: { raw: IncomingMessage }, reply: { raw: ServerResponse }, done: (error?: Error) => void): void {
  const existing = requestScopeOf(request.raw);
  if (existing !== undefined && currentScope() === existing) {
    done();
    return;
  }
  runInScope(existing ?? openRequestScope(request.raw, reply.raw), () => done());
}

/**
 * Fastify plugin: one scope per request, keyed by its `traceparent`. A
 * listening server is already covered by the automatic http scoping; the
 * plugin is what covers `fastify.inject()`, which calls the router without
 * the http server. Registered once at the root, it applies to every route
 * (it opts out of Fastify's encapsulation, as fastify-plugin would).
 *
 * @example
 * import { perfgateFastify } from '@perfgate/core';
 * if (process.env.VITEST) await app.register(perfgateFastify);
 */
export function perfgateFastify(fastify: FastifyInstanceLike, _options: unknown, done: (error?: Error) => void): void {
  fastify.addHook('onRequest', onRequest);
  done();
}

Object.defineProperties(perfgateFastify, {
  [Symbol.for('skip-override')]: { value: true },
  [Symbol.for('fastify.display-name')]: { value: 'perfgate' },
  [Symbol.for('plugin-meta')]: { value: { name: 'perfgate', fastify: '>=4' } },
});
