import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { perfgateError } from '../errors.js';
import { isSupertestLike, type SupertestLike } from '../matchers/resolve-received.js';

/** The request a load test repeats when the received value is an app. */
export interface LoadRequest {
  readonly method?: string;
  /** Default `/`. */
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | object;
}

/** A running target on this machine, and how to stop what perfgate started. */
export interface LoadTarget {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  /** `GET /orders` (query string elided). */
  readonly name: string;
  /** The first error the app threw, when perfgate served it (a thrown handler answers 500). */
  readonly thrown: () => unknown;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

interface FastifyLike {
  readonly server: http.Server;
  ready(): PromiseLike<unknown>;
  inject: unknown;
}

interface KoaLike {
  callback(): Handler;
  use: unknown;
}

const isFastify = (value: object): value is FastifyLike =>
  'server' in value && (value as FastifyLike).server instanceof http.Server && typeof (value as FastifyLike).ready === 'function';
const isKoa = (value: object): value is KoaLike => typeof (value as KoaLike).callback === 'function' && typeof (value as KoaLike).use === 'function';

function pathOf(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + (search ? '?…' : '');
}

function encodeBody(body: unknown, headers: Record<string, string>): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  return JSON.stringify(body);
}

/** Catches what a plain handler throws (Express catches its own): the request answers 500, the error is kept for the message. */
function guarded(handler: Handler, keep: (error: unknown) => void): Handler {
  return (req, res) => {
    const fail = (error: unknown): void => {
      keep(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    };
    try {
      const result = handler(req, res);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

async function listen(where: string, server: http.Server, port: number): Promise<number> {
  if (server.listening) return (server.address() as AddressInfo).port;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => reject(perfgateError('LOAD_TARGET_FAILED', [where, `cannot listen on 127.0.0.1:${port}`, error]));
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

function closer(server: http.Server, started: boolean): () => Promise<void> {
  return () =>
    started
      ? new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        })
      : Promise.resolve();
}

/**
 * Starts what `expect()` received on an ephemeral loopback port — an
 * Express/Connect app or request handler, a Koa app, a Fastify instance, a
 * node:http server — or takes the URL of an unsent supertest request (whose
 * server supertest started). Refuses any address but loopback.
 */
export async function startTarget(where: string, received: unknown, request: LoadRequest = {}, port = 0): Promise<LoadTarget> {
  let thrown: unknown;
  const keep = (error: unknown): void => void (thrown ??= error);
  if (isSupertestLike(received)) return fromSupertest(where, received, port);
  let server: http.Server;
  if (received instanceof http.Server) server = received;
  else if (typeof received === 'function') server = http.createServer(guarded(received as Handler, keep));
  else if (typeof received === 'object' && received !== null && isFastify(received)) {
    try {
      await received.ready();
    } catch (error) {
      throw perfgateError('LOAD_TARGET_FAILED', [where, 'the Fastify app failed to start', error]);
    }
    server = received.server;
  } else if (typeof received === 'object' && received !== null && isKoa(received)) server = http.createServer(guarded(received.callback(), keep));
  else throw perfgateError('INVALID_LOAD_TARGET', [where, received]);
  const started = !server.listening;
  const bound = await listen(where, server, port);
  const headers = { ...request.headers };
  const path = request.path ?? '/';
  const url = `http://127.0.0.1:${bound}${path.startsWith('/') ? path : `/${path}`}`;
  const method = (request.method ?? 'GET').toUpperCase();
  return { url, method, headers, body: encodeBody(request.body, headers), name: `${method} ${pathOf(url)}`, thrown: () => thrown, close: closer(server, started) };
}

/**
 * An unsent supertest request: its method, headers and body, sent to its
 * app. supertest 7 starts an app's server only when a request is sent, so an
 * app it wraps is started here, on loopback, and closed after.
 */
async function fromSupertest(where: string, test: SupertestLike, port: number): Promise<LoadTarget> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(test.header ?? {})) if (typeof value === 'string') headers[name.toLowerCase()] = value;
  const body = encodeBody((test as { _data?: unknown })._data, headers);
  const method = test.method.toUpperCase();
  const { app, _serverPath: path } = test as { app?: unknown; _serverPath?: string };
  let url = test.url;
  let close = () => Promise.resolve();
  if (app instanceof http.Server && !app.listening && path !== undefined) {
    url = `http://127.0.0.1:${await listen(where, app, port)}${path}`;
    close = closer(app, true);
  } else if (!LOOPBACK.has(new URL(url).hostname)) throw perfgateError('NOT_LOOPBACK', [where, url]);
  return { url, method, headers, body, name: `${method} ${pathOf(url)}`, thrown: () => undefined, close };
}
