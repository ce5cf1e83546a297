import type { IncomingMessage, ServerResponse } from 'node:http';
import { createScope } from '../scope/run-in-scope.js';
import type { Scope } from '../scope/scope.js';
import { parseTraceparent } from '../scope/trace-context.js';
import { bindRequestEvents } from './bind-request-events.js';

const REQUEST_SCOPE = Symbol.for('perfgate.request-scope');

type ScopedRequest = IncomingMessage & { [REQUEST_SCOPE]?: Scope; originalUrl?: string };

/** The scope already opened for this request, by the http patch or the middleware. */
export function requestScopeOf(req: IncomingMessage): Scope | undefined {
  return (req as ScopedRequest)[REQUEST_SCOPE];
}

/** The request path without its query string, which can carry personal data. */
export function requestPath(req: IncomingMessage): string {
  const url = (req as ScopedRequest).originalUrl ?? req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : `${url.slice(0, query)}?…`;
}

/**
 * Opens the scope for one incoming request, keyed by its `traceparent`
 * header's trace-id and parent-id (a new trace-id when it has none), and closes it when
 * the response finishes. A request gets one scope however many layers ask;
 * its body's events are delivered in that scope too.
 */
export function openRequestScope(req: IncomingMessage, res: ServerResponse): Scope {
  const existing = requestScopeOf(req);
  if (existing !== undefined) return existing;
  const method = req.method ?? 'GET';
  const path = requestPath(req);
  const traceparent = parseTraceparent(req.headers.traceparent);
  const scope = createScope({
    kind: 'request',
    name: `${method} ${path}`,
    method,
    path,
    traceId: traceparent?.traceId,
    parentSpanId: traceparent?.parentId,
  });
  Object.defineProperty(req, REQUEST_SCOPE, { value: scope, enumerable: false });
  bindRequestEvents(req, scope);
  const close = (): void => scope.close();
  res.once('finish', close);
  res.once('close', close);
  return scope;
}
