import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureStack, formatCallSite, markInternalPath, userFrames } from './call-site.js';

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

describe('formatCallSite', () => {
  it('prints file:line:column and the function when it has a name', () => {
    expect(formatCallSite({ file: 'src/orders.ts', line: 21, column: 40, functionName: 'listOrders' })).toBe('src/orders.ts:21:40 (listOrders)');
    expect(formatCallSite({ file: 'src/orders.ts', line: 21, column: 40, functionName: undefined })).toBe('src/orders.ts:21:40');
  });
});
