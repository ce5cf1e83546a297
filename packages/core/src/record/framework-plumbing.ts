import { lineFrom } from './source-text.js';

/**
 * Packages whose frames sit between a web framework's middlewares and
 * handlers: past one of them, the next frame of user code is a middleware
 * passing the request on (`await next()`, an error handler's `try`), not
 * the code that ran the loop.
 */
const PLUMBING_PACKAGES = new Set(['koa', 'koa-compose', '@koa/router', 'koa-router', 'express', 'router', 'fastify', 'avvio', 'find-my-way', 'light-my-request']);
const PLUMBING_SCOPES = ['@nestjs/'];

/** The package a file in node_modules belongs to (`@scope/name` or `name`), from its last node_modules folder. */
export function packageOf(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at === -1 || at + 1 >= parts.length) return undefined;
  const name = parts[at + 1]!;
  return name.startsWith('@') && at + 2 < parts.length ? `${name}/${parts[at + 2]}` : name;
}

/** A frame of framework plumbing: koa-compose, express's router and layers, fastify's hooks, @nestjs/*. */
export function isPlumbing(file: string): boolean {
  const name = packageOf(file);
  return name !== undefined && (PLUMBING_PACKAGES.has(name) || PLUMBING_SCOPES.some((scope) => name.startsWith(scope)));
}

// `await next()`, `return next()`, `next()`, `await next?.()`: the frame's column points at the await or the call.
const NEXT_CALL = /^(?:await\s+|return\s+|yield\s+)?(?:this\.)?next\s*(?:\?\.)?\(/;

/** A middleware frame that only hands the request on: its line, at the frame's column, calls `next`. */
export function isPassThrough(path: string, line: number, column: number): boolean {
  const text = lineFrom(path, line, column);
  return text !== undefined && NEXT_CALL.test(text);
}
