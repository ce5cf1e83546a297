import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { captureStack, formatCallSite, framesNeeded, markInternalPath, userFrames, type CapturedStack } from './call-site.js';

const CWD = process.cwd();
const inProject = (path: string) => join(CWD, path);
const stackOf = (...frames: string[]) => ({ stack: ['Error: ', ...frames.map((frame) => `    at ${frame}`)].join('\n') });

describe('userFrames', () => {
  it('takes the first two frames of user code, innermost first, with paths relative to the working directory', () => {
    const captured = stackOf(
      `Client.query (${inProject('node_modules/pg/lib/client.js')}:520:17)`,
      `BoundPool.query (${CWD}/node_modules/.pnpm/pg-pool@3.6.1/node_modules/pg-pool/index.js:411:19)`,
      `findItems (${inProject('src/items.ts')}:12:20)`,
      `listOrders (${inProject('src/orders.ts')}:30:5)`,
      `handler (${inProject('src/routes.ts')}:7:3)`,
    );
    expect(userFrames(captured)).toEqual([
      { file: 'src/items.ts', line: 12, column: 20, functionName: 'findItems' },
      { file: 'src/orders.ts', line: 30, column: 5, functionName: 'listOrders' },
    ]);
    expect(userFrames(captured, 1)).toHaveLength(1);
    expect(userFrames(captured, 5).map((site) => site.file)).toEqual(['src/items.ts', 'src/orders.ts', 'src/routes.ts']);
  });

  it('#13 parses a stack printed alike once, hands each caller its own array, and forgets it when a folder becomes perfgate\'s', () => {
    const frames = [`loadLine (${inProject('vendored-lib/lines.js')}:3:9)`, `listOrders (${inProject('src/orders.ts')}:30:5)`];
    const first = userFrames(stackOf(...frames));
    const again = userFrames(stackOf(...frames));
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    expect(first.map((site) => site.file)).toEqual(['vendored-lib/lines.js', 'src/orders.ts']);
    markInternalPath(inProject('vendored-lib/'));
    expect(userFrames(stackOf(...frames)).map((site) => site.file)).toEqual(['src/orders.ts']);
  });

  it('skips node internals, in both the node: and the old internal/ form, and frames without a path', () => {
    const captured = stackOf(
      'process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      'Module._compile (internal/modules/cjs/loader.js:1085:14)',
      'Array.forEach (<anonymous>)',
      'eval (native)',
      `loadUser (${inProject('src/users.ts')}:4:11)`,
    );
    expect(userFrames(captured)).toEqual([{ file: 'src/users.ts', line: 4, column: 11, functionName: 'loadUser' }]);
  });

  it('turns file:// URLs into paths', () => {
    const url = pathToFileURL(inProject('src/with space/orders.ts')).href;
    expect(url).toContain('%20');
    expect(userFrames(stackOf(`listOrders (${url}:21:40)`, `${pathToFileURL('/srv/app/main.js').href}:3:1`))).toEqual([
      { file: 'src/with space/orders.ts', line: 21, column: 40, functionName: 'listOrders' },
      { file: '/srv/app/main.js', line: 3, column: 1, functionName: undefined },
    ]);
  });

  it('keeps a path outside the working directory absolute', () => {
    expect(userFrames(stackOf('run (/srv/other-app/src/jobs.ts:8:2)'))).toEqual([{ file: '/srv/other-app/src/jobs.ts', line: 8, column: 2, functionName: 'run' }]);
  });

  it('reads async frames, constructor frames and anonymous frames', () => {
    const captured = stackOf(
      `async loadAll (${inProject('src/a.ts')}:9:3)`,
      'async Promise.all (index 0)',
      `new OrderRepo (${inProject('src/repo.ts')}:5:14)`,
      `${inProject('src/main.ts')}:40:7`,
      `<anonymous> (${inProject('src/cb.ts')}:2:2)`,
      `Router.handle [as handle_request] (${inProject('src/router.ts')}:77:9)`,
    );
    expect(userFrames(captured, 10)).toEqual([
      { file: 'src/a.ts', line: 9, column: 3, functionName: 'loadAll' },
      { file: 'src/repo.ts', line: 5, column: 14, functionName: 'OrderRepo' },
      { file: 'src/main.ts', line: 40, column: 7, functionName: undefined },
      { file: 'src/cb.ts', line: 2, column: 2, functionName: undefined },
      { file: 'src/router.ts', line: 77, column: 9, functionName: 'Router.handle [as handle_request]' },
    ]);
  });

  it('skips frames inside a folder marked as perfgate’s own: a dist build’s package folder, or the path as given', () => {
    markInternalPath(pathToFileURL('/opt/vendor/perfgate-core/dist/index.js').href);
    markInternalPath('/opt/vendor/perfgate-adapters/src/');
    const captured = stackOf(
      'startQuery (/opt/vendor/perfgate-core/dist/index.js:100:3)',
      'wrapped (/opt/vendor/perfgate-core/src/record/recorder.ts:1:1)',
      'patched (/opt/vendor/perfgate-adapters/src/pg.ts:50:10)',
      'sibling (/opt/vendor/perfgate-core-extras/lib.js:2:2)',
      `findItems (${inProject('src/items.ts')}:12:20)`,
    );
    expect(userFrames(captured)).toEqual([
      { file: '/opt/vendor/perfgate-core-extras/lib.js', line: 2, column: 2, functionName: 'sibling' },
      { file: 'src/items.ts', line: 12, column: 20, functionName: 'findItems' },
    ]);
  });

  it('is empty when no frame reaches user code, or there is no stack to read', () => {
    expect(userFrames(stackOf(`Client.query (${inProject('node_modules/pg/lib/client.js')}:1:1)`, 'process.processTicksAndRejections (node:internal/process/task_queues:95:5)'))).toEqual([]);
    expect(userFrames(undefined)).toEqual([]);
    expect(userFrames({})).toEqual([]);
    expect(userFrames({ stack: '' })).toEqual([]);
  });

  it('reads a stack captured here, naming this file and function', () => {
    const captured = (function captureHere() {
      return captureStack();
    })();
    const [site] = userFrames(captured);
    expect(site).toMatchObject({ file: 'src/record/call-site.test.ts', functionName: 'captureHere' });
  });
});

// A package under a temp node_modules whose frames a runner maps, through its source map, to src/driver/runner.ts in the project.
const libraryRoot = mkdtempSync(join(tmpdir(), 'perfgate-mapped-library-'));
mkdirSync(join(libraryRoot, 'node_modules', 'fake-orm'), { recursive: true });
writeFileSync(join(libraryRoot, 'node_modules', 'fake-orm', 'package.json'), '{ "name": "fake-orm", "main": "runner.js" }');
writeFileSync(join(libraryRoot, 'node_modules', 'fake-orm', 'runner.js'), 'exports.insert = function insert(capture) {\n  return capture();\n};\n');
const fakeOrm = createRequire(join(libraryRoot, 'index.js'))('fake-orm') as { insert(capture: () => CapturedStack): CapturedStack };
const formatter = Error.prepareStackTrace;
afterEach(() => {
  Error.prepareStackTrace = formatter;
});
afterAll(() => rmSync(libraryRoot, { recursive: true }));

/** A formatter like jest's (source-map-support): the fake package's frames printed at the source its map names. */
function mapFakeOrmToSrc(): void {
  Error.prepareStackTrace = (error, frames) =>
    [
      String(error),
      ...frames.map((frame) =>
        frame.getFileName()?.includes(`${join('node_modules', 'fake-orm')}`) ? `    at ${frame.getFunctionName()} (${inProject('src/driver/runner.ts')}:${frame.getLineNumber()}:10)` : `    at ${frame.toString()}`,
      ),
    ].join('\n');
}

function createTags(): CapturedStack {
  return fakeOrm.insert(captureStack);
}

describe('library frames behind a source map (#16.3)', () => {
  it('#16.3 judges a frame by the file that ran: under node_modules is a library, whatever its source map says', () => {
    mapFakeOrmToSrc();
    const captured = createTags();
    expect(userFrames(captured, 1)).toEqual([{ file: 'src/record/call-site.test.ts', line: expect.any(Number), column: expect.any(Number), functionName: 'createTags' }]);
    // The runner did print the library's frame as the project's source (read after userFrames: the first read formats).
    expect(captured.stack).toContain(`at insert (${inProject('src/driver/runner.ts')}:2:10)`);
  });

  it('still reads the stack when the runner formats without source maps', () => {
    expect(userFrames(createTags(), 1)[0]).toMatchObject({ file: 'src/record/call-site.test.ts', functionName: 'createTags' });
  });
});

/** A runner's formatter that counts the stacks it formats. */
function countingFormatter(): { calls: number } {
  const counter = { calls: 0 };
  Error.prepareStackTrace = (error, frames) => {
    counter.calls++;
    return [String(error), ...frames.map((frame) => `    at ${frame.toString()}`)].join('\n');
  };
  return counter;
}

function captureInLoop(): CapturedStack {
  return captureStack();
}

function captureElsewhere(): CapturedStack {
  return captureStack();
}

describe("a runner's formatter (#13)", () => {
  it('#13 formats a loop\'s stacks, alike frame for frame, once: the others get the same text', () => {
    const counter = countingFormatter();
    const stacks = Array.from({ length: 5 }, () => captureInLoop());
    const sites = stacks.map((stack) => userFrames(stack, 1));
    expect(counter.calls).toBe(1);
    expect(new Set(sites.map((site) => JSON.stringify(site))).size).toBe(1);
    expect(sites[0]![0]).toMatchObject({ file: 'src/record/call-site.test.ts', functionName: 'captureInLoop' });
    expect(new Set(stacks.map((stack) => stack.stack)).size).toBe(1);
  });

  it('#13 formats a stack from another line, and every stack again for another formatter', () => {
    const counter = countingFormatter();
    const [first, second] = [0, 1].map(() => captureInLoop());
    userFrames(first);
    const other = captureElsewhere();
    expect(userFrames(other, 1)[0]).toMatchObject({ functionName: 'captureElsewhere' });
    expect(counter.calls).toBe(2);
    const next = countingFormatter();
    expect(userFrames(second, 1)[0]).toMatchObject({ functionName: 'captureInLoop' });
    expect(next.calls).toBe(1);
  });
});

describe('via through framework plumbing (#16.9)', () => {
  const koa = stackOf(
    `Client.query (${inProject('node_modules/pg/lib/client.js')}:520:17)`,
    `ArticlesController.create (${inProject('src/articles-controller.ts')}:223:5)`,
    `dispatch (${inProject('node_modules/@koa/router/lib/layer.js')}:42:32)`,
    `async dispatch (${inProject('node_modules/koa-compose/index.js')}:42:32)`,
    `async errorHandler (${inProject('src/middleware/errors.ts')}:5:5)`,
  );

  it.each([
    ['koa-compose and @koa/router', koa],
    [
      'express’s router and layers',
      stackOf(
        `listOrders (${inProject('src/orders.ts')}:12:20)`,
        `Layer.handle [as handle_request] (${inProject('node_modules/express/lib/router/layer.js')}:95:5)`,
        `next (${inProject('node_modules/express/lib/router/route.js')}:149:13)`,
        `authenticate (${inProject('src/auth.ts')}:10:3)`,
      ),
    ],
    [
      'fastify’s hooks',
      stackOf(`listOrders (${inProject('src/orders.ts')}:12:20)`, `hookIterator (${inProject('node_modules/fastify/lib/hooks.js')}:405:10)`, `onRequest (${inProject('src/auth.ts')}:10:3)`),
    ],
    [
      '@nestjs/core',
      stackOf(
        `async TagsService.create (${inProject('src/tags.service.ts')}:30:7)`,
        `async ${inProject('node_modules/@nestjs/core/router/router-execution-context.js')}:46:28`,
        `async LoggingInterceptor.intercept (${inProject('src/logging.interceptor.ts')}:8:5)`,
      ),
    ],
  ])('#16.9 leaves `via` out when framework plumbing sits between the call site and the next user frame: %s', (_, captured) => {
    expect(userFrames(captured)).toHaveLength(1);
  });

  it('#16.9 keeps `via` through other libraries, and when the plumbing comes after it', () => {
    const captured = stackOf(
      `loadTag (${inProject('src/tags.ts')}:4:5)`,
      `arrayEach (${inProject('node_modules/lodash/lodash.js')}:530:11)`,
      `createArticle (${inProject('src/articles.ts')}:20:3)`,
      `Layer.handle (${inProject('node_modules/express/lib/router/layer.js')}:95:5)`,
      `authenticate (${inProject('src/auth.ts')}:10:3)`,
    );
    expect(userFrames(captured, 5).map((site) => site.functionName)).toEqual(['loadTag', 'createArticle']);
  });

  it('#16.9 captures deep enough to see the plumbing, and no deeper than a margin past it', () => {
    expect(framesNeeded(koa)).toBe(3 + 3);
  });
});

describe('async functions compiled to generators (#11.9)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-downlevel-'));
  const source = join(dir, 'legacy.ts');
  writeFileSync(source, ['export async function listLegacyOrders(db: Db): Promise<void> {', '  for (const id of [1, 2, 3]) {', '    await db.query(id);', '  }', '}', ''].join('\n'));
  afterAll(() => rmSync(dir, { recursive: true }));

  it('#11.9 names the body of swc’s _async_to_generator from the source, and leaves its helpers out', () => {
    const captured = stackOf(`${source}:3:14`, 'Generator.next (<anonymous>)', `asyncGeneratorStep (${source}:21:28)`, `_next (${source}:36:17)`);
    expect(userFrames(captured)).toEqual([{ file: source, line: 3, column: 14, functionName: 'listLegacyOrders' }]);
  });

  it('#11.9 names the body of TypeScript’s __awaiter, and skips the wrapper to reach the caller on the first, synchronous run', () => {
    const captured = stackOf(
      `${source}:3:14`,
      'Generator.next (<anonymous>)',
      `${source}:1:71`,
      'new Promise (<anonymous>)',
      `__awaiter (${source}:1:12)`,
      `listLegacyOrders (${source}:1:12)`,
      `report (${inProject('src/report.ts')}:3:3)`,
    );
    expect(userFrames(captured).map((site) => `${site.functionName}@${site.line}`)).toEqual(['listLegacyOrders@3', 'report@3']);
  });

  it('#11.9 leaves a frame alone when it is not a generator’s body', () => {
    expect(userFrames(stackOf(`${source}:3:14`, `report (${inProject('src/report.ts')}:3:3)`))[0]!.functionName).toBeUndefined();
  });
});

describe('formatCallSite', () => {
  it('prints file:line:column and the function when it has a name', () => {
    expect(formatCallSite({ file: 'src/orders.ts', line: 21, column: 40, functionName: 'listOrders' })).toBe('src/orders.ts:21:40 (listOrders)');
    expect(formatCallSite({ file: 'src/orders.ts', line: 21, column: 40, functionName: undefined })).toBe('src/orders.ts:21:40');
  });
});
