import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatTraceparent, newTraceId } from '../src/scope/trace-context.js';

/** Listens on an ephemeral loopback port; resolves with the base URL and a `close()` that also drops kept-alive sockets. */
export async function listen(server: http.Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface Response {
  readonly status: number;
  readonly body: string;
}

/** A GET with node's http client (optionally through a keep-alive agent). */
export function get(url: string, headers: Record<string, string> = {}, agent?: http.Agent): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** A fresh trace-id and the `traceparent` header that carries it. */
export function traced(): { traceId: string; headers: Record<string, string> } {
  const traceId = newTraceId();
  return { traceId, headers: { traceparent: formatTraceparent(traceId) } };
}

/** One of the ways async code yields: a macrotask, a microtask, a short timer, or not at all. */
export function randomPause(): Promise<void> | undefined {
  switch (Math.floor(Math.random() * 4)) {
    case 0:
      return new Promise((resolve) => setImmediate(resolve));
    case 1:
      return Promise.resolve();
    case 2:
      return new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5)));
    default:
      return undefined;
  }
}
