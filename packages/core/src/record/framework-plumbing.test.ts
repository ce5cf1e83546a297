import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import Router from '@koa/router';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { captureStack, userFrames, type CapturedStack } from './call-site.js';
import { isPassThrough, isPlumbing, packageOf } from './framework-plumbing.js';

describe('packageOf / isPlumbing', () => {
  it('names the package of the last node_modules folder, scoped or not', () => {
    expect(packageOf('/app/node_modules/koa-compose/index.js')).toBe('koa-compose');
    expect(packageOf('/app/node_modules/@nestjs/core/router/router-execution-context.js')).toBe('@nestjs/core');
    expect(packageOf('/app/node_modules/.pnpm/express@4.21.0/node_modules/express/lib/router/layer.js')).toBe('express');
    expect(packageOf('/app/src/orders.ts')).toBeUndefined();
    expect(isPlumbing('/app/node_modules/fastify/lib/hooks.js')).toBe(true);
    expect(isPlumbing('/app/node_modules/typeorm/driver/postgres/PostgresQueryRunner.js')).toBe(false);
  });
});

describe('isPassThrough', () => {
  it('reads the frame’s line in the source: a call of next, awaited, returned or bare', () => {
    const file = fileURLToPath(import.meta.url);
    const lines = readFileSync(file, 'utf8').split('\n');
    /** The line and column of a statement of SAMPLE in this file. */
    const at = (statement: string) => {
      const line = lines.findIndex((text) => text.trim() === statement);
      return [line + 1, lines[line]!.indexOf(statement) + 1] as const;
    };
    expect(isPassThrough(file, ...at('await next();'))).toBe(true);
    expect(isPassThrough(file, ...at('return next(error);'))).toBe(true);
    expect(isPassThrough(file, ...at('await nextPage(cursor);'))).toBe(false);
    expect(isPassThrough('/no/such/file.ts', 1, 1)).toBe(false);
  });
});

// The lines isPassThrough reads, in this very file.
const SAMPLE = `
  await next();
  return next(error);
  await nextPage(cursor);
`;

describe('a real Koa app', () => {
  it('#16.9 gives no `via` through koa’s middlewares: their `await next()` is the next frame of user code in an async stack', async () => {
    const app = new Koa();
    let captured: CapturedStack | undefined;
    app.use(async function errors(ctx, next) {
      try {
        await next();
      } catch {
        ctx.status = 500;
      }
    });
    app.use(async function timing(_ctx, next) {
      await next();
    });
    const router = new Router();
    router.get('/tags', async function createTags(ctx) {
      for (const id of [1, 2, 3]) {
        await Promise.resolve(id);
        captured = captureStack();
      }
      ctx.body = 'ok';
    });
    app.use(router.routes());
    const server = http.createServer(app.callback()).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/tags`);
    } finally {
      server.close();
    }
    expect(userFrames(captured).map((site) => site.functionName)).toEqual(['createTags']);
  });
});
